import Foundation
import NIOHTTP1
import Testing
@testable import PaddockSandbox

/// ETag and Last-Modified, per endpoint as the mixed variants vary them, and conditional requests.
@Suite struct RevalidationTests {
    /// (endpoint, sends ETag, sends Last-Modified) with the mixed variants.
    static let endpoints: [(String, Bool, Bool)] = [
        ("Equicty details", true, true), ("Equicty list", true, false), ("HorseTelex pedigree", false, true),
        ("Husbandry v2 animals", true, false), ("Husbandry v2 profile", false, false), ("Husbandry v1 animals", false, true),
        ("OAuth token", false, false),
    ]

    static func ask(_ endpoint: String, _ sandbox: SandboxServer, _ http: SandboxHTTP, headers: [(String, String)] = [],
                    language: String = "EN") async throws -> SandboxHTTP.Answer {
        let key = sandbox.options.equictyAPIKey
        let equicty = [("Authorization", "Bearer \(key)"), ("Content-Type", "application/json"), ("Accept-Language", language)] + headers
        switch endpoint {
        case "Equicty details": return try await http.send(sandbox.equictyBaseURL + "/public/web/horses/1201", headers: equicty)
        case "Equicty list": return try await http.send(sandbox.equictyBaseURL + "/public/web/horses", method: .POST, headers: equicty, body: "{}")
        case "HorseTelex pedigree":
            return try await http.send(sandbox.equictyBaseURL + "/public/web/horses/pedigree/1208", method: .POST, headers: equicty, body: "{}")
        case "Husbandry v1 animals":
            return try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals?user_keys=\(sandbox.husbandryUserKeys[0])", headers: headers)
        case "OAuth token":
            return try await OAuthFlow(http: http, sandbox: sandbox).token(["grant_type": "refresh_token", "refresh_token": await sandbox.mintRefreshToken()])
        default:
            let (access, _) = try await OAuthFlow(http: http, sandbox: sandbox).login()
            let path = endpoint.hasSuffix("profile") ? "/profile" : "/animals"
            return try await http.send(sandbox.husbandryV2APIURL + path, headers: [("Authorization", "Bearer \(access)")] + headers)
        }
    }

    @Test(arguments: endpoints)
    func eachEndpointSendsItsOwnValidators(endpoint: String, etag: Bool, lastModified: Bool) async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await Self.ask(endpoint, sandbox, http)
                #expect(answer.status == 200, "\(endpoint): \(answer.text.prefix(200))")
                #expect((answer.headers.first(name: "etag") != nil) == etag, "\(endpoint)")
                #expect((answer.headers.first(name: "last-modified") != nil) == lastModified, "\(endpoint)")
                if let tag = answer.headers.first(name: "etag") {
                    #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && !tag.hasPrefix("W/"), "a strong tag: \(tag)")
                    #expect(tag == Validators.etag(of: answer.body), "the tag of the body sent")
                }
                if let date = answer.headers.first(name: "last-modified") {
                    #expect(HTTPDate.parse(date) != nil, "an IMF-fixdate: \(date)")
                }
            }
        }
    }

    @Test func theCanonicalVariantsSendBothEverywhere() async throws {
        var options = SandboxOptions()
        options.variants = .canonical
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                for endpoint in ["Equicty list", "HorseTelex pedigree", "Husbandry v1 animals", "Husbandry v2 animals"] {
                    let answer = try await Self.ask(endpoint, sandbox, http)
                    #expect(answer.headers.first(name: "etag") != nil && answer.headers.first(name: "last-modified") != nil, "\(endpoint)")
                }
            }
        }
    }

    @Test func aMatchingIfNoneMatchGets304WithoutABody() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let first = try await Self.ask("Equicty details", sandbox, http)
                let tag = try #require(first.headers.first(name: "etag"))
                for header in [tag, "W/\(tag)", "\"other\", \(tag)", "*"] {
                    let again = try await Self.ask("Equicty details", sandbox, http, headers: [("If-None-Match", header)])
                    #expect(again.status == 304 && again.body.isEmpty, "If-None-Match: \(header)")
                    #expect(again.headers.first(name: "etag") == tag)
                }
                let stale = try await Self.ask("Equicty details", sandbox, http, headers: [("If-None-Match", "\"stale\"")])
                #expect(stale.status == 200 && stale.body == first.body)
                // Another language is another answer, with another tag.
                let dutch = try await Self.ask("Equicty details", sandbox, http, headers: [("If-None-Match", tag)], language: "NL")
                #expect(dutch.status == 200 && dutch.headers.first(name: "etag") != tag)
                // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
                let date = try #require(first.headers.first(name: "last-modified"))
                let both = try await Self.ask("Equicty details", sandbox, http, headers: [("If-None-Match", "\"stale\""), ("If-Modified-Since", date)])
                #expect(both.status == 200)
                let log = await sandbox.requestLog.requests.map(\.status)
                #expect(log == [200, 304, 304, 304, 304, 200, 200, 200])
            }
        }
    }

    @Test func anIfModifiedSinceNoEarlierThanLastModifiedGets304() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let first = try await Self.ask("Husbandry v1 animals", sandbox, http)
                let text = try #require(first.headers.first(name: "last-modified"))
                let date = try #require(HTTPDate.parse(text))
                let same = try await Self.ask("Husbandry v1 animals", sandbox, http, headers: [("If-Modified-Since", text)])
                #expect(same.status == 304 && same.body.isEmpty && same.headers.first(name: "last-modified") == text)
                let later = try await Self.ask("Husbandry v1 animals", sandbox, http,
                                               headers: [("If-Modified-Since", HTTPDate.format(date.addingTimeInterval(60)))])
                #expect(later.status == 304)
                let earlier = try await Self.ask("Husbandry v1 animals", sandbox, http,
                                                 headers: [("If-Modified-Since", HTTPDate.format(date.addingTimeInterval(-1)))])
                #expect(earlier.status == 200 && earlier.body == first.body)
                let unreadable = try await Self.ask("Husbandry v1 animals", sandbox, http, headers: [("If-Modified-Since", "yesterday")])
                #expect(unreadable.status == 200)
            }
        }
    }

    @Test func aConditionalPOSTThatMatchesGets412NotA304() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let list = try await Self.ask("Equicty list", sandbox, http)
                let tag = try #require(list.headers.first(name: "etag"))
                let again = try await Self.ask("Equicty list", sandbox, http, headers: [("If-None-Match", tag)])
                #expect(again.status == 412)
                // If-Modified-Since means nothing to a POST.
                let pedigree = try await Self.ask("HorseTelex pedigree", sandbox, http)
                let date = try #require(pedigree.headers.first(name: "last-modified"))
                #expect(try await Self.ask("HorseTelex pedigree", sandbox, http, headers: [("If-Modified-Since", date)]).status == 200)
            }
        }
    }

    @Test func aChangedAnswerGetsALaterLastModified() async {
        let book = LastModifiedBook()
        let now = Date(timeIntervalSince1970: 1_800_000_000.4)
        let first = await book.date(of: "GET /a", etag: "\"1\"", now: now)
        #expect(first == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(await book.date(of: "GET /a", etag: "\"1\"", now: now.addingTimeInterval(30)) == first, "unchanged: the same date")
        let changed = await book.date(of: "GET /a", etag: "\"2\"", now: now)
        #expect(changed > first, "changed within the same second: still later")
    }
}
