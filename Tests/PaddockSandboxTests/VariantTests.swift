import Foundation
import Testing
@testable import PaddockSandbox

@Suite struct VariantTests {
    static func details(_ sandbox: SandboxServer, _ http: SandboxHTTP) async throws -> [(raw: Any, horse: [String: Any])] {
        let list = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "EN")
        let horses = try #require(unwrapData(try list.json()) as? [[String: Any]])
        var out: [(Any, [String: Any])] = []
        for horse in horses {
            let answer = try await http.equicty(sandbox, "/public/web/horses/\(horse["id"] ?? "")?include_additional_info=true")
            let raw = try answer.json()
            out.append((raw, try #require(unwrapData(raw) as? [String: Any])))
        }
        return out
    }

    @Test func mixedServesEveryDocumentedEquictyVariant() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let all = try await Self.details(sandbox, http)
                let horses = all.map(\.horse)
                #expect(all.contains { ($0.raw as? [String: Any])?["data"] != nil } && all.contains { ($0.raw as? [String: Any])?["data"] == nil })
                #expect(horses.contains { $0["birthday"] != nil } && horses.contains { $0["birth_date"] != nil })
                #expect(horses.contains { $0["id"] is String } && horses.contains { $0["id"] is Int })
                #expect(horses.contains { $0["age"] is String } && horses.contains { $0["height"] is String })
                #expect(horses.contains { $0["pedigree"] is NSNull }, "pedigree as null")
                #expect(horses.contains { ($0["pedigree"] as? String)?.hasPrefix("{") == true }, "pedigree as a JSON string")
                #expect(horses.contains { $0["pedigree"] as? String == "" }, "pedigree as an empty string")
                let objects = horses.compactMap { $0["pedigree"] as? [String: String] }
                #expect(objects.allSatisfy { $0.count == 14 })
                #expect(objects.contains { $0.values.contains("") }, "some pedigree names are empty")
                #expect(horses.contains { $0["stable_id"] != nil }, "unknown extra fields")
                let dates = horses.compactMap { ($0["birthday"] ?? $0["birth_date"]) as? String }
                #expect(dates.count == horses.count && dates.allSatisfy { $0.wholeMatch(of: /\d\d-\d\d-\d{4}/) != nil })
                let bare = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "FR").json()
                let enveloped = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "DE").json()
                #expect(bare is [Any] && enveloped is [String: Any], "lists bare and in {\"data\": …}")
            }
        }
    }

    @Test func canonicalServesOneTidyShape() async throws {
        var options = SandboxOptions()
        options.variants = .canonical
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let all = try await Self.details(sandbox, http)
                #expect(all.allSatisfy { ($0.raw as? [String: Any])?["data"] != nil })
                #expect(all.allSatisfy { $0.horse["id"] is Int && $0.horse["birthday"] is String && $0.horse["pedigree"] is [String: String] })
            }
        }
    }

    @Test func oneHorseTelexPedigreeComesInTheJSONFrame() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                var framed = 0, raw = 0
                for id in [1208, 1229, 1264, 1327, 1369] {
                    let answer = try await http.equicty(sandbox, "/public/web/horses/pedigree/\(id)", method: .POST, body: "{}")
                    #expect(answer.status == 200)
                    if let html = (try? answer.object())?["data"] as? String {
                        framed += 1
                        #expect(html.contains("HorseTelex"))
                    } else {
                        raw += 1
                        #expect(answer.text.contains("<table"))
                    }
                }
                #expect(framed == 1 && raw == 4)
            }
        }
    }

    @Test func hostileItemsOnlyWhenAskedFor() async throws {
        for hostile in [false, true] {
            var options = SandboxOptions()
            options.includeHostile = hostile
            try await SandboxServer.withRunning(options: options) { sandbox in
                try await SandboxHTTP.withClient { http in
                    let list = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "EN")
                    #expect(list.text.contains("<script>alert(1)<\\/script>") == hostile)
                    if hostile {
                        let html = try await http.equicty(sandbox, "/public/web/horses/pedigree/9009", method: .POST, body: "{}").text
                        #expect(html.contains("<script>") && html.contains("onclick=") && html.contains("<iframe"))
                        let hidden = try await http.equicty(sandbox, "/public/web/horses/pedigree/9011", method: .POST, body: "{}").text
                        #expect(hidden.contains("display:none"))
                    }
                }
            }
        }
    }

    @Test func servesDemoPicturesAndNothingOutsideTheMediaFolder() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let png = try await http.send(sandbox.mediaBaseURL + "/horses/h00-0.png")
                #expect(png.status == 200 && png.headers.first(name: "content-type") == "image/png")
                #expect(Array(png.body.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
                for path in ["/../horses.json", "/%2E%2E/horses.json", "/horses/nope.png", "/../../Package.swift"] {
                    #expect(try await http.send(sandbox.mediaBaseURL + path).status == 404, "\(path)")
                }
            }
        }
    }
}
