import ArgumentParser
import Dispatch
import Foundation
import Logging
import PaddockSandbox

/// `paddock sandbox`: both APIs on loopback from the bundled demo data, until SIGINT or SIGTERM.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve the Equicty, Husbandry and smaXtec APIs on loopback from the bundled demo data.",
        discussion: "Runs until interrupted (Ctrl-C) or sent SIGTERM. The credentials printed are the sandbox's own demo values."
    )

    @Option(help: "Loopback address to bind (127.0.0.1, ::1 or localhost).") var host = "127.0.0.1"
    @Option(help: "Port to bind (0 picks a free one).") var port = 8090
    @Option(name: .customLong("latency-ms"), help: "Wait this many milliseconds before every answer.") var latencyMs = 0
    @Option(name: .customLong("fail-rate"), help: "Fraction (0-1) of API requests answered with 503, from a seeded generator.") var failRate = 0.0
    @Option(help: "Seed of the failure generator.") var seed: UInt64 = 1
    @Option(name: .customLong("rate-limit-every"), help: "Answer every N-th API request with 429.") var rateLimitEvery: Int?
    @Option(name: .customLong("retry-after"), help: "Retry-After seconds of the 429 answers.") var retryAfter = 2
    @Flag(name: .customLong("retry-after-date"), help: "Send Retry-After as an HTTP date instead of seconds.") var retryAfterDate = false
    @Option(name: .customLong("rate-limit"), help: "At most N requests per second per service; more get 429.") var rateLimit: Int?
    @Option(name: .customLong("truncate-every"), help: "Cut the body of every N-th API answer and close the connection.") var truncateEvery: Int?
    @Option(name: .customLong("invalid-json-every"), help: "Answer every N-th API request with half a body (invalid JSON).") var invalidJSONEvery: Int?
    @Option(name: .customLong("cut-every"), help: "Answer every N-th API request with its body cut short but a matching Content-Length.") var cutEvery: Int?
    @Option(name: .customLong("drop-every"), help: "Drop the connection of every N-th API request without an answer.") var dropEvery: Int?
    @Option(name: .customLong("token-lifetime"), help: "Seconds an OAuth access token lives.") var tokenLifetime = 3600
    @Option(help: "Serve this many horses (demo horses repeated, for benchmarks).") var horses: Int?
    @Option(help: "Serve this many animals (demo animals repeated, for benchmarks).") var animals: Int?
    @Option(help: "Variants served: mixed (every documented shape), canonical, or strict-docs.") var variants = "mixed"
    @Flag(name: .customLong("strict-docs"), help: "Serve what the documents allow and clients assume away (same as --variants strict-docs).") var strictDocs = false
    @Flag(help: "Add the hostile items (markup, {{, RTL, javascript: URLs, hostile HorseTelex HTML).") var hostile = false
    @Flag(help: "Serve the demo pictures as phone-sized photographs (4032x3024 JPEG, about 4 MB; miniatures stay small).") var photographs = false
    @Flag(name: .customLong("deny-authorization"), help: "OAuth authorize answers error=access_denied.") var denyAuthorization = false

    func validate() throws {
        guard host.hasPrefix("127.") || host == "::1" || host == "localhost" else {
            throw ValidationError("--host \(host) is not a loopback address")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port number") }
        guard latencyMs >= 0 else { throw ValidationError("--latency-ms must not be negative") }
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be between 0 and 1") }
        guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be positive") }
        guard retryAfter > 0 else { throw ValidationError("--retry-after must be positive") }
        if let horses, horses < 0 { throw ValidationError("--horses must not be negative") }
        if let animals, animals < 0 { throw ValidationError("--animals must not be negative") }
        guard SandboxVariants(rawValue: variants) != nil else { throw ValidationError("--variants must be mixed, canonical or strict-docs") }
        for (name, value) in [("--rate-limit", rateLimit), ("--rate-limit-every", rateLimitEvery), ("--truncate-every", truncateEvery),
                              ("--invalid-json-every", invalidJSONEvery), ("--cut-every", cutEvery), ("--drop-every", dropEvery)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
    }

    var options: SandboxOptions {
        var o = SandboxOptions()
        o.host = host
        o.port = port
        o.latency = .milliseconds(latencyMs)
        o.randomFailureRate = failRate
        o.seed = seed
        o.includeHostile = hostile
        o.photographs = photographs
        o.denyAuthorization = denyAuthorization
        o.accessTokenLifetime = .seconds(tokenLifetime)
        o.horseCount = horses
        o.animalCount = animals
        o.variants = strictDocs ? .strictDocs : SandboxVariants(rawValue: variants) ?? .mixed
        if let n = rateLimitEvery { o.faults.append(SandboxFault(.tooManyRequests(retryAfterSeconds: retryAfter), trigger: .everyNth(n))) }
        o.retryAfterAsHTTPDate = retryAfterDate
        if let n = rateLimit { o.rateLimit = SandboxRateLimit(requests: n, per: .seconds(1)) }
        if let n = truncateEvery { o.faults.append(SandboxFault(.truncatedBody, trigger: .everyNth(n))) }
        if let n = invalidJSONEvery { o.faults.append(SandboxFault(.invalidJSON, trigger: .everyNth(n))) }
        if let n = cutEvery { o.faults.append(SandboxFault(.cutBody, trigger: .everyNth(n))) }
        if let n = dropEvery { o.faults.append(SandboxFault(.dropConnection, trigger: .everyNth(n))) }
        return o
    }

    func run() async throws {
        var logger = Logger(label: "paddock.sandbox")
        logger.logLevel = .info
        let server = try await SandboxServer.start(options: options, logger: logger)
        let banner = """
        Paddock sandbox on \(server.baseURL)
          Equicty base URL     \(server.equictyBaseURL)   (Bearer key: \(server.options.equictyAPIKey))
          Husbandry base URL   \(server.husbandryBaseURL)
            v2 API             \(server.husbandryV2APIURL)
            authorize          \(server.husbandryAuthorizeURL)   (client_id: \(server.options.husbandryClientID))
            access_token       \(server.husbandryTokenURL)
            v1 API             \(server.husbandryV1BaseURL)/v1/api.php   (user_keys: \(server.husbandryUserKeys.joined(separator: ", ")))
          smaXtec base URL     \(server.smaxtecBaseURL)   (email: \(server.options.smaxtecEmail), password: \(server.options.smaxtecPassword))
            organisations      \(server.smaxtecOrganisations.map { "\($0.id) (\($0.name))" }.joined(separator: ", "))
          Media                \(server.mediaBaseURL)
            video thumbnails   [media] video_thumbnail_url = "\(server.videoThumbnailURL)"
        Press Ctrl-C to stop.

        """
        FileHandle.standardOutput.write(Data(banner.utf8))
        let signal = await Self.waitForTerminationSignal()
        logger.info("stopping", metadata: ["signal": "\(signal)"])
        await server.stop()
    }

    /// Waits for SIGINT or SIGTERM (the default handlers are replaced while waiting).
    static func waitForTerminationSignal() async -> Int32 {
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            Foundation.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { continuation.yield(sig) }
            source.resume()
            sources.append(source)
        }
        var received: Int32 = SIGTERM
        for await sig in stream { received = sig; break }
        sources.forEach { $0.cancel() }
        return received
    }
}
