import Foundation
import Testing
@testable import PaddockSandbox

@Suite struct EquictyEndpointTests {
    @Test func listsEveryPublicHorseWithTheRightKey() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses", method: .POST, body: #"{"gender": ""}"#)
                #expect(answer.status == 200)
                let list = try #require(unwrapData(try answer.json()) as? [[String: Any]])
                #expect(list.count == 30)
                #expect(list.allSatisfy { $0["name"] is String && $0["sex"] is String })
                #expect(list.allSatisfy { $0["videos"] == nil && $0["sku"] == nil }, "the list carries no media or additional info")
            }
        }
    }

    @Test func rejectsAWrongKeyWithTheDocumentedErrorBody() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                for key in ["wrong-key", ""] {
                    let answer = try await http.equicty(sandbox, "/public/web/horses", method: .POST, key: key)
                    #expect(answer.status == 401)
                    let body = try answer.object()
                    #expect(body["status"] as? Bool == false)
                    #expect((body["msg"] as? String)?.isEmpty == false)
                    #expect(!answer.text.contains("wrong-key"), "the error never echoes the key")
                }
                let none = try await http.send(sandbox.equictyBaseURL + "/public/web/horses", method: .POST)
                #expect(none.status == 401)
            }
        }
    }

    @Test func acceptsTheKeyAsBasicAuthUserName() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let basic = Data("\(sandbox.options.equictyAPIKey):".utf8).base64EncodedString()
                let answer = try await http.send(sandbox.equictyBaseURL + "/public/web/horses", method: .POST, headers: [("Authorization", "Basic \(basic)")])
                #expect(answer.status == 200)
            }
        }
    }

    @Test(arguments: [("STALLION", ["Stallion"]), ("MARE", ["Mare"]), ("GELDING", ["Gelding"])])
    func filtersByGender(gender: String, sexes: [String]) async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "EN", body: #"{"gender": "\#(gender)"}"#)
                let list = try #require(unwrapData(try answer.json()) as? [[String: Any]])
                #expect(!list.isEmpty)
                #expect(list.allSatisfy { sexes.contains($0["sex"] as? String ?? "") })
            }
        }
    }

    @Test func anUnknownGenderGetsTheValidationErrorBody() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses", method: .POST, body: #"{"gender": "UNICORN"}"#)
                #expect(answer.status == 400)
                let errors = try #require(try answer.object()["errors"] as? [[String: Any]])
                #expect(errors.first?["field"] as? String == "gender")
                #expect(errors.first?["rejectedValue"] as? String == "UNICORN")
            }
        }
    }

    @Test(arguments: [("EN", "Stallion"), ("FR", "Étalon"), ("DE", "Hengst"), ("NL", "Hengst"), ("de-DE,de;q=0.9", "Hengst"), ("es", "Stallion")])
    func localisesSexNamesByAcceptLanguage(language: String, stallion: String) async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: language, body: #"{"gender": "STALLION"}"#)
                let list = try #require(unwrapData(try answer.json()) as? [[String: Any]])
                #expect(list.allSatisfy { $0["sex"] as? String == stallion })
            }
        }
    }

    @Test func detailsCarryMediaAndAdditionalInfoInEachLanguage() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                var sales: Set<String> = []
                for language in ["EN", "FR", "DE", "NL"] {
                    let answer = try await http.equicty(sandbox, "/public/web/horses/1201?include_additional_info=true", language: language)
                    #expect(answer.status == 200)
                    let horse = try #require(unwrapData(try answer.json()) as? [String: Any])
                    #expect(horse["sku"] as? String == "WH-1201")
                    #expect(horse["breeding_associations"] is [String])
                    #expect(horse["wffs_test_result"] is String)
                    let pictures = try #require(horse["pictures"] as? [[String: Any]])
                    #expect(pictures.first?["mediaurl"] as? String == sandbox.mediaBaseURL + "/horses/h00-0.png")
                    let videos = try #require(horse["videos"] as? [[String: Any]])
                    #expect((videos.first?["mediaurl"] as? String)?.contains("youtube.com/watch?v=") == true)
                    sales.insert(horse["sales_content"] as? String ?? "")
                }
                #expect(sales.count == 4, "one sales text per language")
                let plain = try await http.equicty(sandbox, "/public/web/horses/1201")
                let horse = try #require(unwrapData(try plain.json()) as? [String: Any])
                #expect(horse["sku"] == nil && horse["pictures"] != nil, "without include_additional_info: media, no additional info")
            }
        }
    }

    @Test func anUnknownHorseIsAnErrorNamingIt() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses/999999")
                #expect(answer.status == 400)
                #expect((try answer.object()["msg"] as? String)?.contains("999999") == true)
            }
        }
    }

    @Test func horsetelexPedigreeUsesThePostedColoursAndCarriesTheLogo() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let colours = #"{"horse_textcolor":"123ABC","mare_bgcolor":"fedcba","mare_textcolor":"0a0b0c"}"#
                let answer = try await http.equicty(sandbox, "/public/web/horses/pedigree/1208", method: .POST, body: colours)
                #expect(answer.status == 200)
                #expect(answer.headers.first(name: "content-type")?.hasPrefix("text/html") == true)
                let html = answer.text
                #expect(html.contains("color:#123ABC") && html.contains("background-color:#fedcba") && html.contains("color:#0a0b0c"))
                #expect(html.contains(#"alt="HorseTelex""#))
                #expect(html.contains(sandbox.mediaBaseURL + "/logos/horsetelex.svg"))
                #expect(html.contains("https://www.horsetelex.com"))
                let logo = try await http.send(sandbox.mediaBaseURL + "/logos/horsetelex.svg")
                #expect(logo.status == 200 && logo.text.contains("<svg"))
            }
        }
    }

    @Test func pedigreeOfAHorseNotOnHorseTelexIsRefused() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses/pedigree/1201", method: .POST, body: "{}")
                #expect(answer.status == 400)
                #expect(try answer.object()["status"] as? Bool == false)
                let bad = try await http.equicty(sandbox, "/public/web/horses/pedigree/1208", method: .POST, body: ##"{"mare_bgcolor":"#ff0000"}"##)
                #expect(bad.status == 400, "a colour with # is refused")
            }
        }
    }

    @Test(arguments: [("EN", "Pedigree data"), ("FR", "Données de pedigree"), ("DE", "Abstammungsdaten"), ("NL", "Stamboomgegevens")])
    func horsetelexPedigreeSpeaksTheRequestedLanguage(language: String, words: String) async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses/pedigree/1229", method: .POST, language: language, body: "{}")
                #expect(answer.text.contains(words))
                #expect(!answer.text.contains("__"), "every placeholder is filled")
            }
        }
    }
}
