import Foundation
import NIOHTTP1
import Testing
@testable import PaddockSandbox

@Suite struct FaultInjectionTests {
    static func options(_ faults: SandboxFault...) -> SandboxOptions {
        var o = SandboxOptions()
        o.faults = faults
        return o
    }

    @Test func failsExactlyTheFirstNMatchingRequests() async throws {
        let options = Self.options(SandboxFault(.status(503), trigger: .firstRequests(2), pathContains: "/horses/1201"))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let other = try await http.equicty(sandbox, "/public/web/horses/1208")
                #expect(other.status == 200, "other paths are not counted")
                var statuses: [Int] = []
                for _ in 0..<4 { statuses.append(try await http.equicty(sandbox, "/public/web/horses/1201").status) }
                #expect(statuses == [503, 503, 200, 200])
                let log = await sandbox.requestLog.requests(pathContaining: "/horses/1201")
                #expect(log.map(\.status) == [503, 503, 200, 200])
                #expect(log.first?.fault == "status(503)")
            }
        }
    }

    @Test func fiveHundredsCarryTheServicesErrorBody() async throws {
        let options = Self.options(SandboxFault(.status(500), trigger: .always))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let equicty = try await http.equicty(sandbox, "/public/web/horses", method: .POST)
                #expect(equicty.status == 500)
                #expect(try equicty.object()["status"] as? Bool == false)
                let husbandry = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals")
                #expect(husbandry.status == 500)
                #expect(try husbandry.object()["error"] as? String == "server_error")
            }
        }
    }

    @Test func injected4xxAreWordedAsTheServiceWordsThem() async throws {
        let options = Self.options(SandboxFault(.status(401), trigger: .always))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let equicty = try await http.equicty(sandbox, "/public/web/horses/1201")
                #expect(equicty.status == 401)
                #expect(try equicty.object()["msg"] as? String == "No valid API key provided.")
                let husbandry = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals")
                #expect(try husbandry.object()["error"] as? String == "access_denied")
            }
        }
    }

    @Test func tooManyRequestsSetsRetryAfterAndRecordsViolations() async throws {
        let options = Self.options(SandboxFault(.tooManyRequests(retryAfterSeconds: 30), trigger: .requestNumbers([2]), pathContains: "/public/web"))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                #expect(try await http.equicty(sandbox, "/public/web/horses/1201").status == 200)
                let limited = try await http.equicty(sandbox, "/public/web/horses/1201")
                #expect(limited.status == 429)
                #expect(limited.headers.first(name: "retry-after") == "30")
                #expect(await sandbox.requestLog.retryAfterViolations.isEmpty)
                let early = try await http.equicty(sandbox, "/public/web/horses/1208")
                #expect(early.status == 429, "inside the window every request of the service gets 429")
                #expect(Int(early.headers.first(name: "retry-after") ?? "") ?? 0 >= 1)
                let violations = await sandbox.requestLog.retryAfterViolations
                #expect(violations.map(\.path) == ["/equicty/api/public/web/horses/1208"])
                let window = try #require(await sandbox.requestLog.retryAfterWindows.first)
                let log = await sandbox.requestLog.requests
                #expect(window.openedBy == log[1].id && window.retryAfter == "30" && window.service == .equicty)
                #expect(window.until - window.sentAt == .seconds(30))
                #expect(window.sentAt >= log[1].receivedInstant, "the window opens when the 429 is sent")
                #expect(await sandbox.requestLog.arrivals(inside: window).map(\.id) == [log[2].id])
                let otherService = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals?user_keys=\(sandbox.husbandryUserKeys[0])")
                #expect(otherService.status == 200, "the window is per service")
            }
        }
    }

    @Test func aRetryAfterDateNamesAWholeSecondAndTheWindowEndsThere() async throws {
        var options = Self.options(SandboxFault(.tooManyRequests(retryAfterSeconds: 5), trigger: .requestNumbers([1]), pathContains: "/public/web"))
        options.retryAfterAsHTTPDate = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let asked = Date()
                let limited = try await http.equicty(sandbox, "/public/web/horses/1201")
                let answered = Date()
                #expect(limited.status == 429)
                let header = try #require(limited.headers.first(name: "retry-after"))
                let date = try #require(HTTPDate.parse(header), "an IMF-fixdate: \(header)")
                #expect(date.timeIntervalSince1970 == date.timeIntervalSince1970.rounded())
                // Five seconds after the 429 was sent, rounded up to a whole second: however long the
                // exchange took on a loaded machine, that lies between these bounds.
                #expect(date.timeIntervalSince(asked) >= 5 - 0.001 && date.timeIntervalSince(answered) <= 6)
                let window = try #require(await sandbox.requestLog.retryAfterWindows.first)
                #expect(window.retryAfter == header)
                #expect(window.until - window.sentAt >= .seconds(5) && window.until - window.sentAt <= .seconds(6))
                // Inside the window the same date is repeated, not a new one.
                let again = try await http.equicty(sandbox, "/public/web/horses/1208")
                #expect(again.status == 429 && again.headers.first(name: "retry-after") == header)
            }
        }
    }

    @Test func aTruncatedBodyFailsTheClient() async throws {
        let options = Self.options(SandboxFault(.truncatedBody, trigger: .firstRequests(1)))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                await #expect(throws: (any Error).self) {
                    _ = try await http.equicty(sandbox, "/public/web/horses", method: .POST)
                }
                let next = try await http.equicty(sandbox, "/public/web/horses", method: .POST)
                #expect(next.status == 200 && (try? next.json()) != nil, "the next answer is whole")
            }
        }
    }

    @Test func invalidJSONIsACompleteAnswerWithHalfABody() async throws {
        let options = Self.options(SandboxFault(.invalidJSON, trigger: .firstRequests(1)))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let broken = try await http.equicty(sandbox, "/public/web/horses", method: .POST)
                #expect(broken.status == 200)
                #expect(!broken.body.isEmpty)
                #expect((try? broken.json()) == nil)
                let whole = try await http.equicty(sandbox, "/public/web/horses", method: .POST)
                #expect(whole.body.count > broken.body.count)
            }
        }
    }

    /// JSON, a framed pedigree (`{"data": "<html>"}`, horse 1327) and a bare one (horse 1208).
    static let cutAnswers: [(String, HTTPMethod, String)] = [
        ("JSON", .GET, "/public/web/horses/1201"), ("framed HTML", .POST, "/public/web/horses/pedigree/1327"),
        ("bare HTML", .POST, "/public/web/horses/pedigree/1208"),
    ]

    @Test(arguments: cutAnswers)
    func aCutBodyLooksCompleteAndItsContentLengthMatches(name: String, method: HTTPMethod, path: String) async throws {
        let options = Self.options(SandboxFault(.cutBody, trigger: .firstRequests(1), pathContains: path))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let cut = try await http.equicty(sandbox, path, method: method)
                let whole = try await http.equicty(sandbox, path, method: method)
                #expect(cut.status == 200 && whole.status == 200, "\(name)")
                #expect(cut.headers.first(name: "content-length") == String(cut.body.count), "\(name): the length of the bytes sent")
                #expect(cut.body.count <= whole.body.count / 2 && !cut.body.isEmpty, "\(name)")
                #expect(Array(whole.body.prefix(cut.body.count)) == cut.body, "\(name): the beginning of the whole answer")
                #expect(String(validating: cut.body, as: UTF8.self) != nil, "\(name): cut between characters, not inside one")
                #expect((try? cut.json()) == nil && (try? whole.json()) != nil || name == "bare HTML", "\(name): no longer JSON")
                if name == "bare HTML" {
                    #expect(whole.text.contains("horsetelex.svg") && !cut.text.contains("horsetelex.svg"), "the attribution is gone")
                    #expect(whole.body[cut.body.count] == UInt8(ascii: "<") || whole.body[cut.body.count] == UInt8(ascii: "\n"),
                            "cut at a tag or line boundary")
                }
                #expect(await sandbox.requestLog.requests.first?.fault == "cutBody")
            }
        }
    }

    @Test func aDroppedConnectionGivesNoAnswer() async throws {
        let options = Self.options(SandboxFault(.dropConnection, trigger: .firstRequests(1), method: "GET"))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                await #expect(throws: (any Error).self) {
                    _ = try await http.equicty(sandbox, "/public/web/horses/1201")
                }
                let retried = try await http.equicty(sandbox, "/public/web/horses/1201")
                #expect(retried.status == 200)
                let log = await sandbox.requestLog.requests
                #expect(log.first?.status == nil && log.first?.fault == "dropConnection")
            }
        }
    }

    @Test func latencyDelaysEveryAnswer() async throws {
        var options = SandboxOptions()
        options.latency = .milliseconds(300)
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let clock = ContinuousClock()
                let elapsed = try await clock.measure {
                    _ = try await http.equicty(sandbox, "/public/web/horses/1201")
                }
                #expect(elapsed >= .milliseconds(300), "a lower bound only: never flaky")
                let entry = try #require(await sandbox.requestLog.requests.first)
                let answered = try #require(entry.answeredInstant)
                #expect(answered - entry.receivedInstant >= .milliseconds(300))
            }
        }
    }

    @Test func randomFailuresRepeatWithTheSameSeed() async throws {
        func statuses(seed: UInt64) async throws -> [Int] {
            var options = SandboxOptions()
            options.randomFailureRate = 0.5
            options.seed = seed
            return try await SandboxServer.withRunning(options: options) { sandbox in
                try await SandboxHTTP.withClient { http in
                    var out: [Int] = []
                    for _ in 0..<24 { out.append(try await http.equicty(sandbox, "/public/web/horses/1201").status) }
                    return out
                }
            }
        }
        let a = try await statuses(seed: 7)
        let b = try await statuses(seed: 7)
        #expect(a == b)
        #expect(a.contains(503) && a.contains(200))
        #expect(Set(a) == [200, 503])
    }

    @Test func invalidOptionsAreRefusedByName() async throws {
        var rate = SandboxOptions()
        rate.randomFailureRate = 2
        var host = SandboxOptions()
        host.host = "0.0.0.0"
        for (options, name) in [(rate, "randomFailureRate"), (host, "host")] {
            await #expect {
                _ = try await SandboxServer.start(options: options)
            } throws: { error in
                (error as? SandboxError)?.description.contains(name) == true
            }
        }
    }

    @Test func theRateLimitAnswers429PastTheLimitPerService() async throws {
        var options = SandboxOptions()
        options.rateLimit = SandboxRateLimit(requests: 3, per: .seconds(60))
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                var statuses: [Int] = []
                for _ in 0..<4 { statuses.append(try await http.equicty(sandbox, "/public/web/horses/1201").status) }
                #expect(statuses == [200, 200, 200, 429])
                let limited = try await http.equicty(sandbox, "/public/web/horses/1201")
                #expect(limited.status == 429)
                #expect((Int(limited.headers.first(name: "retry-after") ?? "") ?? 0) > 50)
                let other = try await http.send(sandbox.husbandryV1BaseURL + "/v1/api.php/animals?user_keys=\(sandbox.husbandryUserKeys[0])")
                #expect(other.status == 200, "another service has its own budget")
            }
        }
    }
}
