import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Both remote APIs (Equicty, Husbandry v1/v2 with OAuth) and the demo pictures, served on loopback
/// from the bundled demo data, with the faults of its ``SandboxOptions``.
///
/// ```swift
/// try await SandboxServer.withRunning(options: SandboxOptions()) { sandbox in
///     // point the clients at sandbox.equictyBaseURL, sandbox.husbandryBaseURL …
///     let seen = await sandbox.requestLog.requests(to: .equicty)
/// }
/// ```
package final class SandboxServer: Sendable {
    /// The bound port (the real one when the options asked for port 0).
    package let port: Int
    /// The bound address (`127.0.0.1`).
    package let host: String
    /// The options it was started with (credentials the clients need are here: `equictyAPIKey`, `husbandryClientID`, …).
    package let options: SandboxOptions
    /// Every request received, secrets redacted.
    package let requestLog: SandboxRequestLog

    let oauthState: OAuthState
    private let serviceGroup: ServiceGroup
    private let runTask: Task<Void, any Error>

    /// `http://127.0.0.1:PORT`.
    package var baseURL: String { host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)" }
    /// Equicty base URL; append `/public/web/horses` (the real one is `https://portal.equicty.com/equicty/api`).
    package var equictyBaseURL: String { baseURL + "/equicty/api" }
    /// Husbandry base URL in the shape of `https://husbandry.pro/api`: v2 at `/v2/api.php/animals`,
    /// OAuth at `/v2/auth_code.php/authorize` and `/v2/auth_code.php/access_token`, v1 at `/v1/api.php/animals`.
    package var husbandryBaseURL: String { baseURL + "/husbandry/api" }
    /// Husbandry v1 in the shape of `https://api.husbandry.pro`: `/v1/api.php/animals`, `/v1/api.php/animal/{ids}`.
    package var husbandryV1BaseURL: String { baseURL + "/husbandry" }
    /// The v2 API itself: `…/animals`, `…/animals/{ids}`, `…/profile`.
    package var husbandryV2APIURL: String { husbandryBaseURL + "/v2/api.php" }
    package var husbandryAuthorizeURL: String { husbandryBaseURL + "/v2/auth_code.php/authorize" }
    package var husbandryTokenURL: String { husbandryBaseURL + "/v2/auth_code.php/access_token" }
    /// Where the demo pictures are served: `\(mediaBaseURL)/horses/h00-0.png`.
    package var mediaBaseURL: String { baseURL + "/media" }
    /// The v1 user keys of the demo breeders, in order (the first is also the v2 account by default).
    package let husbandryUserKeys: [String]

    /// What a correct site built from this sandbox contains: with the animals of every v1 user key,
    /// or of the v2 OAuth account only.
    package func statement(husbandryVersion: Int = 1) -> SiteStatement {
        let store = storeBox.store
        return store.statement(context: statementContext,
                               breeders: husbandryVersion == 2 ? [options.husbandryV2Breeder] : nil)
    }

    /// Serves the data the sandbox started with, changed by `changes` (applied in order), from the
    /// next request on; ``statement(husbandryVersion:)`` follows. An empty set restores the data.
    package func serve(changes: [SandboxCatalogueChange]) {
        storeBox.serve(changes)
    }

    private let storeBox: DemoStoreBox
    private let statementContext: WireContext

    private init(port: Int, options: SandboxOptions, log: SandboxRequestLog, oauth: OAuthState,
                 group: ServiceGroup, task: Task<Void, any Error>, userKeys: [String],
                 storeBox: DemoStoreBox, statementContext: WireContext) {
        self.port = port; self.host = options.host; self.options = options; self.requestLog = log
        self.oauthState = oauth; self.serviceGroup = group; self.runTask = task; self.husbandryUserKeys = userKeys
        self.storeBox = storeBox; self.statementContext = statementContext
    }

    /// The default logger of a library: discards everything (the executable passes its own).
    package static let silentLogger = Logger(label: "paddock.sandbox", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Binds and starts the server; returns once it accepts connections.
    /// - Throws: ``SandboxError`` when the demo data is unreadable, an option is invalid or the port cannot be bound.
    package static func start(options: SandboxOptions = SandboxOptions(), logger: Logger = SandboxServer.silentLogger) async throws -> SandboxServer {
        try options.validate()
        var store = try DemoStore.load(folder: try DemoStore.bundledFolder, includeHostile: options.includeHostile,
                                       horseCount: options.horseCount, animalCount: options.animalCount)
        if options.variants == .strictDocs { store = store.withDocumentedConflicts() }
        guard store.breeders.indices.contains(options.husbandryV2Breeder) else {
            throw SandboxError.invalidOption(name: "husbandryV2Breeder", reason: "there are \(store.breeders.count) demo breeders")
        }
        let log = SandboxRequestLog()
        let oauth = OAuthState(accessTokenLifetime: options.accessTokenLifetime)
        let storeBox = DemoStoreBox(store)
        let responder = SandboxResponder(storeBox: storeBox, options: options, plan: FaultPlan(options: options),
                                         log: log, oauth: oauth, logger: logger)
        let router = Router(context: SandboxRequestContext.self)
        router.add(middleware: NotFoundRecorder(responder: responder))
        responder.addEquictyRoutes(to: router)
        responder.addOAuthRoutes(to: router)
        responder.addHusbandryRoutes(to: router)
        responder.addMediaRoutes(to: router)

        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "paddock-sandbox"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? -1)
                portContinuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var bound: Int?
        for await port in portStream { bound = port; break }
        guard let port = bound, port > 0 else {
            task.cancel()
            let reason: String
            do { try await task.value; reason = "no port reported" } catch { reason = String(describing: error) }
            throw SandboxError.notStarted(reason: "\(options.host):\(options.port): \(reason)")
        }
        let context = WireContext(language: "en", mediaBase: "", today: options.today ?? SandboxResponder.todayUTC(),
                                  variants: options.variants)
        return SandboxServer(port: port, options: options, log: log, oauth: oauth, group: group, task: task,
                             userKeys: store.breeders.map(\.key), storeBox: storeBox, statementContext: context)
    }

    /// Stops taking connections, lets requests in progress finish, and waits until the server is down.
    package func stop() async {
        await serviceGroup.triggerGracefulShutdown()
        _ = try? await runTask.value
    }

    /// Waits until the server stops (after ``stop()``, or when it fails).
    package func waitUntilStopped() async throws {
        try await runTask.value
    }

    /// Starts a sandbox, runs `body` with it, and stops it afterwards, also when `body` throws.
    package static func withRunning<T: Sendable>(
        options: SandboxOptions = SandboxOptions(), logger: Logger = SandboxServer.silentLogger,
        _ body: (SandboxServer) async throws -> T
    ) async throws -> T {
        let server = try await start(options: options, logger: logger)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
