import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `paddock serve`: serves the built site on loopback, rebuilds (from the cache) when an input
/// file changes, and reloads open browser tabs through Server-Sent Events.
///
/// The reload script is injected into HTML answers only, never written into the output folder.
/// While the last build failed, every page request gets an error page with the build's message.
///
/// ```swift
/// let preview = PreviewServer(configuration: .init(port: 8080), builder: builder, coordinator: coordinator, logger: logger)
/// await preview.session.rebuild(refetch: false)
/// try await preview.serviceGroup().run()
/// ```
package struct PreviewServer: Sendable {
    package struct Configuration: Sendable {
        package var host: String
        /// 0 picks a free port (read it back through `onListening`).
        package var port: Int
        /// How often the inputs are checked for changes.
        package var pollInterval: Duration
        /// A rebuild starts once the inputs stayed unchanged this long.
        package var quietPeriod: Duration

        package init(host: String = "127.0.0.1", port: Int = 8080, pollInterval: Duration = .milliseconds(300), quietPeriod: Duration = .milliseconds(100)) {
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.quietPeriod = quietPeriod
        }
    }

    package let configuration: Configuration
    package let builder: any SiteBuilding
    /// The rebuild state; call `rebuild(refetch:)` for the first build.
    package let session: PreviewSession<ContinuousClock>
    private let logger: Logger

    package init(configuration: Configuration, builder: any SiteBuilding, coordinator: BuildCoordinator, logger: Logger) {
        self.configuration = configuration
        self.builder = builder
        self.session = PreviewSession(coordinator: coordinator, clock: ContinuousClock(), quietPeriod: configuration.quietPeriod, logger: logger)
        self.logger = logger
    }

    /// The HTTP server, the watcher and the closer of event streams as one service group.
    package func serviceGroup(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> ServiceGroup {
        let logger = self.logger
        let responder = PreviewResponder(files: StaticFileServer(folder: builder.outputFolder), session: session)
        let app = Application.listening(responder: responder, host: configuration.host, port: configuration.port,
                                        serverName: "paddock-preview", logger: logger, onListening: onListening)
        let watcher = WatchService(watcher: FileWatcher(paths: builder.watchedInputs), interval: configuration.pollInterval, session: session)
        let closer = DrainOnShutdown(name: "event-stream-closer") { [session] _ in await session.close() }
        return ServiceGroup(configuration: .init(services: [app, watcher, closer], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
    }
}

/// Feeds the watcher's changes to the session until graceful shutdown.
struct WatchService: Service, CustomStringConvertible {
    let watcher: FileWatcher
    let interval: Duration
    let session: PreviewSession<ContinuousClock>
    var description: String { "file-watcher" }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            for await changed in watcher.changes(every: interval, clock: ContinuousClock()) {
                await session.filesChanged(changed)
            }
        }
    }
}
