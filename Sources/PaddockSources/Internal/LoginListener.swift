import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The loopback HTTP listener that receives the sign-in redirect on `GET /callback`.
struct LoginListener: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    static func start(host: String, port: Int, mailbox: LoginCallbackMailbox, logger: Logger) async throws -> LoginListener {
        let router = Router()
        router.get("callback") { request, _ -> Response in
            let query = FormEncoding.decode((request.uri.query ?? "")[...])
            let (status, title, message) = await mailbox.receive(query)
            return Response(
                status: .init(code: status),
                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: LoginListener.page(title: title, message: message)))
            )
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "paddock-login"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? -1)
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var bound: Int?
        for await port in ports { bound = port; break }
        guard let bound, bound > 0 else {
            task.cancel()
            let reason: String
            do { try await task.value; reason = "the listener stopped at once" } catch { reason = String(describing: error) }
            throw LoginError.listenerFailed(host: host, port: port, reason: reason)
        }
        return LoginListener(port: bound, group: group, task: task)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    static func page(title: String, message: String) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Paddock — \(escape(title))</title></head>
        <body><main><h1>\(escape(title))</h1><p>\(escape(message))</p></main></body></html>
        """
    }
}
