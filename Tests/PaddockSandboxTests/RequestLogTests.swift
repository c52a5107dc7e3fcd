import Foundation
import Testing
@testable import PaddockSandbox

@Suite struct RequestLogTests {
    @Test func recordsPathMethodLanguageAndRedactsSecrets() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                _ = try await http.equicty(sandbox, "/public/web/horses", method: .POST, language: "DE", body: #"{"gender":"MARE"}"#)
                let key = sandbox.husbandryUserKeys[0]
                _ = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals?user_keys=\(key)&page=1")
                let log = await sandbox.requestLog.requests
                #expect(log.count == 2)
                let first = try #require(log.first)
                #expect(first.service == .equicty && first.method == "POST" && first.path == "/equicty/api/public/web/horses")
                #expect(first.acceptLanguage == "DE")
                #expect(first.body == #"{"gender":"MARE"}"#)
                #expect(first.headers["authorization"] == "Bearer <redacted>")
                #expect(first.status == 200)
                let second = log[1]
                #expect(second.service == .husbandryV1)
                #expect(second.query == "user_keys=<redacted>&page=1")
                let everything = log.map { "\($0)" }.joined()
                #expect(!everything.contains(sandbox.options.equictyAPIKey) && !everything.contains(key))
            }
        }
    }

    @Test func recordsTheGrantTypeButNotTheTokens() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let (_, refresh) = try await flow.login()
                _ = try await flow.token(["grant_type": "refresh_token", "refresh_token": refresh])
                let tokenRequests = await sandbox.requestLog.requests(pathContaining: "access_token")
                #expect(tokenRequests.map(\.grantType) == ["authorization_code", "refresh_token"])
                #expect(!tokenRequests.map { "\($0)" }.joined().contains(refresh))
                let authorize = await sandbox.requestLog.requests(pathContaining: "authorize")
                #expect(authorize.first?.query.contains("state=<redacted>") == true)
            }
        }
    }

    @Test func countsRequestsInFlight() async throws {
        var options = SandboxOptions()
        options.latency = .seconds(1)
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<4 { group.addTask { try await http.equicty(sandbox, "/public/web/horses/1201").status } }
                    for try await status in group { #expect(status == 200) }
                }
                let max = await sandbox.requestLog.maxInFlight
                #expect(max >= 2 && max <= 4)
                #expect(await sandbox.requestLog.requests.map(\.inFlightAtArrival).max() == max)
                await sandbox.requestLog.clear()
                #expect(await sandbox.requestLog.requests.isEmpty)
            }
        }
    }

    @Test func aCredentialWithoutSchemeIsRedactedWhole() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.send(sandbox.equictyBaseURL + "/public/web/horses", method: .POST,
                                                 headers: [("Authorization", "secret-token-123"), ("X-Api-Key", "k-456")])
                #expect(answer.status == 401)
                let entry = try #require(await sandbox.requestLog.requests.first)
                #expect(entry.headers["authorization"] == "<redacted>")
                #expect(entry.headers["x-api-key"] == "<redacted>")
                #expect(!"\(entry)".contains("secret-token-123") && !"\(entry)".contains("k-456"))
            }
        }
    }
}
