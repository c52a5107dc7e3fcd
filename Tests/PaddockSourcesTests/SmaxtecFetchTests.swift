import Foundation
import Logging
import PaddockCatalogue
import PaddockSandbox
import Testing
@testable import PaddockSources

/// The smaXtec herd fetched from the sandbox: token, organisations, animals and events.
@Suite struct SmaxtecFetchTests {
    static func configuration(_ sandbox: SandboxServer, cache: URL, organisations: [String] = []) -> SourcesConfiguration {
        var config = SourcesTest.configuration(sandbox, cache: cache, equicty: false)
        config.smaxtec = SmaxtecSourceConfiguration(baseURL: sandbox.smaxtecBaseURL, organisations: organisations)
        return config
    }

    static func credentials(_ sandbox: SandboxServer, password: String? = nil) -> Credentials {
        Credentials(smaxtecEmail: sandbox.options.smaxtecEmail, smaxtecPassword: password ?? sandbox.options.smaxtecPassword)
    }

    static func fetch(_ sandbox: SandboxServer, cache: URL? = nil, organisations: [String] = [], password: String? = nil,
                      logger: Logger = SourcesTest.logger, mode: FetchMode = .network) async throws -> FetchReport {
        let config = configuration(sandbox, cache: try cache ?? SourcesTest.temporaryFolder(), organisations: organisations)
        return try await CatalogueFetcher(configuration: config, credentials: credentials(sandbox, password: password), logger: logger)
            .fetch(mode: mode)
    }

    /// The fetched herd agrees with the sandbox's statement, animal by animal.
    static func expectMatchesStatement(_ herd: [HerdAnimal], _ sandbox: SandboxServer, organisations: Set<String>? = nil) {
        let statement = sandbox.statement().herd
        let expected = statement.listed.merging(statement.withheld) { a, _ in a }
            .filter { organisations?.contains($0.value.organisationID) ?? true }
        #expect(Set(herd.map(\.id)) == Set(expected.keys))
        for animal in herd {
            guard let want = expected[animal.id] else { continue }
            #expect(animal.name == want.name, "\(animal.id)")
            #expect(animal.reproduction.count == want.reproductionEvents, "\(animal.id) reproduction history")
            #expect(animal.isListed == (statement.listed[animal.id] != nil), "\(animal.id) listed")
        }
    }

    @Test func fetchesTheHerdOfEveryOrganisationAndKeepsNothingPrivate() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let report = try await Self.fetch(sandbox)
            #expect(report.isComplete, "\(report.failures)")
            let herd = report.catalogues[0].herd
            Self.expectMatchesStatement(herd, sandbox)
            #expect(herd.contains { $0.reproduction.contains { $0.kind == .abort } })
            #expect(Set(herd.compactMap(\.organisationName)) == Set(sandbox.smaxtecOrganisations.map(\.name)))
            #expect(report.counts.contains { $0.service == .smaxtec && $0.items == herd.count })
            // Nothing private reaches the catalogue the site is built from.
            let encoded = String(decoding: try JSONEncoder().encode(report.catalogues), as: UTF8.self)
            let leaked = sandbox.statement().herd.privateValues.filter { encoded.contains($0) }
            #expect(leaked.isEmpty, "\(leaked.sorted().prefix(5))")
        }
    }

    @Test func picksOrganisationsByIdOrByUniqueName() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let (firstID, _) = sandbox.smaxtecOrganisations[0]
            let (secondID, secondName) = sandbox.smaxtecOrganisations[1]
            let byName = try await Self.fetch(sandbox, organisations: [secondName.uppercased()])
            Self.expectMatchesStatement(byName.catalogues[0].herd, sandbox, organisations: [secondID])
            let byID = try await Self.fetch(sandbox, organisations: [firstID])
            Self.expectMatchesStatement(byID.catalogues[0].herd, sandbox, organisations: [firstID])
            await #expect {
                try await Self.fetch(sandbox, organisations: ["Hof Nirgendwo"])
            } throws: { error in
                let text = "\(error)"
                return text.contains("Hof Nirgendwo") && text.contains(firstID) && text.contains("sources.smaxtec.organisations")
            }
        }
    }

    @Test func aNameTwoOrganisationsShareMustBeGivenAsAnID() throws {
        let all = [HerdOrganisation(id: "a", name: "Berger"), HerdOrganisation(id: "b", name: "berger "), HerdOrganisation(id: "c", name: "Alm")]
        #expect(try CatalogueFetcher.choose(["alm", "a", "c"], from: all).map(\.id) == ["c", "a"])
        #expect(try CatalogueFetcher.choose([], from: all).map(\.id) == ["a", "b", "c"])
        #expect(throws: SourcesError.unknownOrganisation(service: .smaxtec, wanted: "Berger",
                                                         detail: "2 organisations have this name (a, b); name one by its id")) {
            try CatalogueFetcher.choose(["Berger"], from: all)
        }
    }

    @Test func aTokenThatExpiresMidFetchIsReplacedOnce() async throws {
        var options = SandboxOptions()
        // A token lasts 20 requests: it runs out twice in the fetch, and never while the few
        // requests it was refused to are being asked again (4 in flight).
        options.smaxtecRequestsPerToken = 20
        try await SourcesTest.withSandbox(options) { sandbox in
            var config = Self.configuration(sandbox, cache: try SourcesTest.temporaryFolder())
            config.maxConcurrentRequests = 4
            let report = try await CatalogueFetcher(configuration: config, credentials: Self.credentials(sandbox), logger: SourcesTest.logger)
                .fetch(mode: .network)
            #expect(report.isComplete, "\(report.failures)")
            Self.expectMatchesStatement(report.catalogues[0].herd, sandbox)
            let issued = await sandbox.smaxtecTokensIssued
            #expect(issued >= 3, "the tokens expired at least twice during the fetch: \(issued) issued")
            let refused = await sandbox.requestLog.requests(to: .smaxtec).filter { $0.status == 401 }.count
            #expect(refused >= 2)
        }
    }

    @Test func aNewTokenRefusedAgainFailsTheRunClearly() async throws {
        var options = SandboxOptions()
        options.smaxtecTokenLifetime = .zero
        try await SourcesTest.withSandbox(options) { sandbox in
            let cache = try SourcesTest.temporaryFolder()
            await #expect {
                try await Self.fetch(sandbox, cache: cache)
            } throws: { error in
                guard case SourcesError.listingFailed(.smaxtec, "organisations", .unauthorized(.smaxtec, _, 401, _)) = error else { return false }
                return "\(error)".contains("PADDOCK_SMAXTEC_PASSWORD")
            }
            // One token, one new token after the 401, then the failure (a sign-in whose answer a
            // loaded machine lost in a timeout is asked again, so a third may be issued, never more).
            let issued = await sandbox.smaxtecTokensIssued
            #expect((2...3).contains(issued), "\(issued) tokens issued")
            let refused = await sandbox.requestLog.requests(to: .smaxtec).filter { $0.status == 401 }
            #expect(refused.count == 2 && refused.allSatisfy { $0.path.hasSuffix("/v1/organisation") }, "\(refused.map(\.path))")
            #expect(!FileManager.default.fileExists(atPath: cache.appending(path: "catalogue-en.json").path), "nothing assembled")
        }
    }

    @Test func thePasswordIsNeverLoggedCachedOrPrinted() async throws {
        var options = SandboxOptions()
        options.smaxtecPassword = "s3cr&t p@ss=word+1"
        try await SourcesTest.withSandbox(options) { sandbox in
            let recorder = RecordingLog()
            var logger = Logger(label: "smaxtec.secrets") { _ in recorder.handler() }
            logger.logLevel = .trace
            let cache = try SourcesTest.temporaryFolder()
            let good = try await Self.fetch(sandbox, cache: cache, logger: logger)
            #expect(good.isComplete)
            var printed: [String] = good.warnings + good.failures
            // A wrong password: the error names the service and the sign-in, never the password.
            let wrong = "wr0ng&p@ss word"
            do {
                _ = try await Self.fetch(sandbox, cache: cache, password: wrong, logger: logger)
                Issue.record("a wrong password was accepted")
            } catch {
                let text = "\(error)"
                #expect(text.contains("smaXtec") && text.contains("sign-in token"), "\(text)")
                printed.append(text)
            }
            // The sign-in has no cache file; no cache file names or holds either password.
            let files = FileManager.default.enumerator(atPath: cache.path)?.allObjects as? [String] ?? []
            #expect(files.contains { $0.hasPrefix("smaxtec/") })
            #expect(!files.contains { $0.contains("token") || $0.contains("password") }, "\(files.filter { $0.contains("token") })")
            var cached = ""
            for file in files { cached += (try? String(contentsOf: cache.appending(path: file), encoding: .utf8)) ?? "" }
            let everything = printed.joined(separator: "\n") + recorder.text + cached
            #expect(!recorder.text.isEmpty)
            for password in [options.smaxtecPassword, wrong] {
                let forms = [password, FormEncoding.escape(password), password.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!]
                for form in forms { #expect(!everything.contains(form), "a form of the password appears: \(form)") }
            }
            #expect(!everything.contains("get_token?"), "the sign-in URL with its query appears")
        }
    }

    @Test func faultsRevalidationAndOfflineBuildsGiveTheSameHerd() async throws {
        var options = SandboxOptions()
        options.randomFailureRate = 0.15
        options.faults = [SandboxFault(.tooManyRequests(retryAfterSeconds: 1), trigger: .requestNumbers([5, 30]), pathContains: "/events"),
                          SandboxFault(.cutBody, trigger: .everyNth(11), pathContains: "/smaxtec/")]
        try await SourcesTest.withSandbox(options) { sandbox in
            let cache = try SourcesTest.temporaryFolder()
            // One request at a time: then no request may start inside a Retry-After window.
            var config = Self.configuration(sandbox, cache: cache)
            config.maxConcurrentRequests = 1
            config.maxTries = 6
            let first = try await CatalogueFetcher(configuration: config, credentials: Self.credentials(sandbox), logger: SourcesTest.logger)
                .fetch(mode: .network)
            for window in await sandbox.requestLog.retryAfterWindows {
                let early = await sandbox.requestLog.arrivals(inside: window)
                #expect(early.isEmpty, "\(early.count) requests started inside the Retry-After window")
            }
            #expect(await sandbox.requestLog.retryAfterWindows.count == 2)
            #expect(first.isComplete, "\(first.failures)")
            Self.expectMatchesStatement(first.catalogues[0].herd, sandbox)
            let second = try await Self.fetch(sandbox, cache: cache)
            #expect(second.revalidated > 0, "answers the cache holds are revalidated")
            #expect(second.catalogues[0].herd == first.catalogues[0].herd)
            let offline = try await Self.fetch(sandbox, cache: cache, mode: .offline)
            #expect(offline.catalogues[0].herd == first.catalogues[0].herd)
        }
    }
}

/// Keeps every log message with its metadata, for tests that look for secrets.
final class RecordingLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    func handler() -> Handler { Handler(log: self) }

    struct Handler: LogHandler {
        let log: RecordingLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String, file: String,
                 function: String, line: UInt) {
            let all = metadata.merging(extra ?? [:]) { _, new in new }
            log.append("\(level) \(message) \(all)")
        }
    }
}
