import Hummingbird
import NIOCore

/// Answers preview requests: the live-reload event stream, the error page while the last build
/// failed, and otherwise the site with the reload script injected into HTML answers.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: StaticFileServer
    let session: PreviewSession<ContinuousClock>

    func respond(to request: Request, context: Context) async throws -> Response {
        if request.uri.path == LiveReload.eventsPath {
            guard request.method == .get else { return StaticFileServer.plain(.methodNotAllowed, "Method Not Allowed", extra: [.allow: "GET"]) }
            return await events(since: request.uri.queryParameters["since"].flatMap { Int($0) })
        }
        let status = await session.status
        if let failure = status.failure, request.method == .get || request.method == .head, Self.asksForHTML(request.uri.path) {
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.cacheControl] = "no-store"
            let page = LiveReload.errorPage(message: failure, generation: status.generation)
            let response = Response(status: .internalServerError, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
            return request.method == .head ? response.createHeadResponse() : response
        }
        let generation = status.generation
        var response = await files.respond(to: request, context: context) { html in
            LiveReload.inject(into: html, generation: generation)
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// True for paths of pages: folders, `.html` files and names without an extension.
    static func asksForHTML(_ rawPath: String) -> Bool {
        guard let path = try? RequestPath(raw: rawPath) else { return false }
        let ext = path.fileExtension
        return ext.isEmpty || MediaTypes.isHTML(extension: ext) || path.trailingSlash
    }

    /// `text/event-stream`: a comment at once (the tab is subscribed), then `event: reload` per build.
    private func events(since: Int?) async -> Response {
        let stream = await session.subscribe(since: since)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": paddock preview connected\nretry: 1000\n\n"))
            for await generation in stream {
                try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
