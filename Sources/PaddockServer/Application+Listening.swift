import Hummingbird
import Logging

extension Application {
    /// A server for `responder` on `host:port` that logs the port it listens on and reports it
    /// (port 0 picks a free one, which tests read back this way).
    static func listening(responder: Responder, host: String, port: Int, serverName: String, logger: Logger,
                          onListening: @escaping @Sendable (Int) async -> Void) -> Self {
        Self(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: serverName),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("Server listening", metadata: ["server.name": "\(serverName)", "server.port": "\(port)"])
                await onListening(port)
            },
            logger: logger
        )
    }
}
