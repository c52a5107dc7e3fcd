import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// `paddock webhook`: rebuilds the site with a fresh fetch when a signed `POST /hooks/build` arrives.
///
/// Routes: `POST /hooks/build` (HMAC-SHA256 signed, 202 with `Location: /builds/{id}`),
/// `GET /builds/{id}` (JSON status), `GET /healthz`. On graceful shutdown (SIGTERM) it first stops
/// taking triggers (503), waits for a running build up to the grace period, then stops the server.
///
/// ```swift
/// let server = WebhookServer(configuration: .init(port: 9000), secret: secret, coordinator: coordinator, logger: logger)
/// try await server.serviceGroup().run()
/// ```
package struct WebhookServer: Sendable {
    /// Where to listen and how to bound requests and shutdown.
    package struct Configuration: Sendable {
        package var host: String
        /// 0 picks a free port (read it back through `onListening`).
        package var port: Int
        /// Bodies over this many bytes get 413 (64 KiB).
        package var maxBodySize: Int
        /// How long a running build may go on after SIGTERM before it is abandoned.
        package var shutdownGracePeriod: Duration

        package init(host: String = "127.0.0.1", port: Int = 9000, maxBodySize: Int = 64 * 1024, shutdownGracePeriod: Duration = .seconds(60)) {
            self.host = host
            self.port = port
            self.maxBodySize = maxBodySize
            self.shutdownGracePeriod = shutdownGracePeriod
        }
    }

    package let configuration: Configuration
    package let coordinator: BuildCoordinator
    private let signature: WebhookSignature
    private let logger: Logger

    /// - Parameter secret: The shared secret (`Credentials.webhookSecret`); must not be empty.
    /// - Throws: ``WebhookServerError/missingSecret`` for an empty secret.
    package init(configuration: Configuration, secret: String, coordinator: BuildCoordinator, logger: Logger) throws {
        guard !secret.isEmpty else { throw WebhookServerError.missingSecret }
        self.configuration = configuration
        self.coordinator = coordinator
        self.signature = WebhookSignature(secret: secret)
        self.logger = logger
    }

    /// The server and its build drainer as one service group; `run()` it, and trigger its graceful
    /// shutdown (or send one of `gracefulShutdownSignals`) to stop.
    /// - Parameter onListening: Called with the bound port once the server listens.
    package func serviceGroup(
        gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint],
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> ServiceGroup {
        let responder = WebhookResponder(signature: signature, coordinator: coordinator, maxBodySize: configuration.maxBodySize, logger: logger)
        let logger = self.logger
        let app = Application.listening(responder: responder, host: configuration.host, port: configuration.port,
                                        serverName: "paddock-webhook", logger: logger, onListening: onListening)
        // Services shut down in reverse order: the drainer first (503 for new triggers, wait for the
        // running build), then the HTTP server.
        let drainer = DrainOnShutdown(name: "build-drainer") { [coordinator, configuration] cancelled in
            await coordinator.drain(gracePeriod: cancelled ? .zero : configuration.shutdownGracePeriod)
        }
        return ServiceGroup(configuration: .init(services: [app, drainer], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
    }
}

/// Why the webhook server cannot start.
package enum WebhookServerError: Error, Equatable, CustomStringConvertible {
    case missingSecret

    package var description: String {
        "no webhook secret: set PADDOCK_WEBHOOK_SECRET or webhook_secret in the credentials file (mode 0600)"
    }
}
