import Foundation
import Testing
@testable import PaddockSandbox

/// The smaXtec API of the sandbox: the token, the organisations, the animals and their events.
@Suite struct SmaxtecEndpointTests {
    static func token(_ http: SandboxHTTP, _ sandbox: SandboxServer) async throws -> String {
        let email = sandbox.options.smaxtecEmail.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let password = sandbox.options.smaxtecPassword.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let answer = try await http.send(sandbox.smaxtecBaseURL + "/v1/user/get_token?email=\(email)&password=\(password)")
        #expect(answer.status == 200)
        return try #require(try answer.object()["token"] as? String)
    }

    static func get(_ http: SandboxHTTP, _ sandbox: SandboxServer, _ path: String, token: String) async throws -> SandboxHTTP.Answer {
        try await http.send(sandbox.smaxtecBaseURL + path, headers: [("accept", "application/json"), ("Authorization", "bearer \(token)")])
    }

    @Test func servesTheHerdOfBothOrganisationsWithEvents() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let token = try await Self.token(http, sandbox)
                let organisations = try #require(try await Self.get(http, sandbox, "/v1/organisation", token: token).json() as? [[String: Any]])
                #expect(organisations.count == 2)
                var total = 0
                for organisation in organisations {
                    let id = try #require(organisation["organisation_id"] as? String)
                    let animals = try #require(try await Self.get(http, sandbox, "/v2/integration/organisations/\(id)/animals", token: token)
                        .json() as? [[String: Any]])
                    #expect(animals.allSatisfy { $0["events"] == nil && $0["official_id"] is String })
                    total += animals.count
                    let first = try #require(animals.first?["official_id"] as? String)
                    let one = try await Self.get(http, sandbox, "/v2/integration/organisations/\(id)/animals/\(first)", token: token)
                    #expect(try one.object()["official_id"] as? String == first)
                    let events = try #require(try await Self.get(http, sandbox, "/v2/integration/organisations/\(id)/animals/\(first)/events",
                                                                 token: token).json() as? [[String: Any]])
                    #expect(!events.isEmpty)
                }
                #expect((36...44).contains(total), "about 40 cows and heifers: \(total)")
                let statement = sandbox.statement().herd
                #expect(statement.listed.count + statement.withheld.count == total)
                #expect(!statement.withheld.isEmpty && statement.listed.values.contains { $0.forSale })
                #expect(statement.privateValues.contains { $0.hasPrefix("health_") })
            }
        }
    }

    @Test func refusesAWrongPasswordAndMissingOrExpiredTokens() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let wrong = try await http.send(sandbox.smaxtecBaseURL + "/v1/user/get_token?email=\(sandbox.options.smaxtecEmail)&password=nope")
                #expect(wrong.status == 401)
                let bare = try await http.send(sandbox.smaxtecBaseURL + "/v1/organisation")
                #expect(bare.status == 401)
                let token = try await Self.token(http, sandbox)
                #expect(try await Self.get(http, sandbox, "/v1/organisation", token: token).status == 200)
                await sandbox.expireSmaxtecTokens()
                #expect(try await Self.get(http, sandbox, "/v1/organisation", token: token).status == 401)
                #expect(try await Self.get(http, sandbox, "/v1/organisation", token: try await Self.token(http, sandbox)).status == 200)
                #expect(await sandbox.smaxtecTokensIssued == 2)
                // The password never reaches the request log.
                let logged = await sandbox.requestLog.requests.filter { $0.service == .smaxtecToken }
                #expect(logged.count == 3)
                #expect(logged.allSatisfy { !$0.query.contains(sandbox.options.smaxtecPassword) && $0.query.contains("password=<redacted>") })
            }
        }
    }

    @Test func hostileEarTagsAreServedUnderTheirEncodedPath() async throws {
        var options = SandboxOptions()
        options.includeHostile = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let token = try await Self.token(http, sandbox)
                let organisation = sandbox.smaxtecOrganisations[0].id
                for tag in ["../../etc/passwd", "CON", "AT/..%2F..", ".."] {
                    var allowed = CharacterSet.alphanumerics
                    allowed.insert(charactersIn: "-_~")
                    let encoded = tag.addingPercentEncoding(withAllowedCharacters: allowed)!
                    let answer = try await Self.get(http, sandbox, "/v2/integration/organisations/\(organisation)/animals/\(encoded)/events", token: token)
                    #expect(answer.status == 200, "\(tag)")
                    let one = try await Self.get(http, sandbox, "/v2/integration/organisations/\(organisation)/animals/\(encoded)", token: token)
                    #expect(try one.object()["official_id"] as? String == tag)
                }
            }
        }
    }

    @Test func scalesTheHerdForBenchmarks() async throws {
        var options = SandboxOptions()
        options.herdCount = 1000
        try await SandboxServer.withRunning(options: options) { sandbox in
            let herd = sandbox.statement().herd
            #expect(herd.listed.count + herd.withheld.count == 1000)
        }
    }
}
