import Foundation
import Testing
@testable import PaddockSandbox

@Suite struct SandboxEdgeTests {
    @Test func everyNthRequestFails() async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.status(502), trigger: .everyNth(3), pathContains: "/public/web/horses/")]
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                var statuses: [Int] = []
                for _ in 0..<7 { statuses.append(try await http.equicty(sandbox, "/public/web/horses/1201").status) }
                #expect(statuses == [200, 200, 502, 200, 200, 502, 200])
            }
        }
    }

    @Test func aDelayFaultAddsToTheLatencyOfMatchingRequestsOnly() async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.delay(.milliseconds(400)), trigger: .always, pathContains: "/horses/1208")]
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let clock = ContinuousClock()
                var status = 0
                let slow = try await clock.measure { status = try await http.equicty(sandbox, "/public/web/horses/1208").status }
                #expect(status == 200)
                #expect(slow >= .milliseconds(400))
                let log = await sandbox.requestLog.requests
                #expect(log.first?.fault == "delay(400.0 milliseconds)" || log.first?.fault?.hasPrefix("delay") == true)
            }
        }
    }

    @Test func retryAfterCanBeAnHTTPDate() async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.tooManyRequests(retryAfterSeconds: 5), trigger: .firstRequests(1))]
        options.retryAfterAsHTTPDate = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses", method: .POST)
                #expect(answer.status == 429)
                let value = try #require(answer.headers.first(name: "retry-after"))
                #expect(value.hasSuffix(" GMT") && value.count == 29, "IMF-fixdate: \(value)")
            }
        }
    }

    @Test func unknownPathsAre404AndLogged() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.send(sandbox.baseURL + "/equicty/api/public/web/horse-list")
                #expect(answer.status == 404)
                let log = await sandbox.requestLog.requests
                #expect(log.map(\.path) == ["/equicty/api/public/web/horse-list"])
                #expect(log.first?.status == 404 && log.first?.service == .other)
                let home = try await http.send(sandbox.baseURL + "/")
                #expect(home.status == 200 && home.text.contains("sandbox"))
            }
        }
    }

    @Test func theListAnswersWithATrailingSlashAndWithAdditionalInfo() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.equicty(sandbox, "/public/web/horses/?include_additional_info=1", method: .POST, language: "EN")
                #expect(answer.status == 200)
                let list = try #require(unwrapData(try answer.json()) as? [[String: Any]])
                #expect(list.count == 30 && list.allSatisfy { $0["sku"] is String && $0["pictures"] == nil })
            }
        }
    }

    @Test func profileAndActivitiesNeedTheirScopes() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let (access, _) = try await flow.login()
                let auth = [("Authorization", "Bearer \(access)")]
                let profile = try await http.send(sandbox.husbandryV2APIURL + "/profile", headers: auth)
                #expect(try profile.object()["email"] as? String == "lotte@scales-and-tails.example")
                let activities = try await http.send(sandbox.husbandryV2APIURL + "/activities", headers: auth)
                #expect(activities.status == 403, "activity.read was not granted")
            }
        }
    }

    @Test func answersPointBackAtTheHostTheClientUsed() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let url = "http://localhost:\(sandbox.port)/equicty/api/public/web/horses/1201"
                let answer = try await http.send(url, headers: [("Authorization", "Bearer \(sandbox.options.equictyAPIKey)")])
                let horse = try #require(unwrapData(try answer.json()) as? [String: Any])
                #expect(horse["profile"] as? String == "http://localhost:\(sandbox.port)/media/horses/h00-0.png")
            }
        }
    }
}
