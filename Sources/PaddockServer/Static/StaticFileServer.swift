import Foundation
import Hummingbird
import NIOCore

/// Serves a published site folder over HTTP: GET and HEAD, content types, `index.html` for folders
/// (with a redirect to add the trailing slash), the site's own `404.html` with status 404, weak
/// ETags and `Last-Modified` with 304 answers, and no way out of the folder (see ``StaticSite``).
///
/// ```swift
/// let app = Application(responder: StaticFileServer(folder: output), configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
/// ```
package struct StaticFileServer: HTTPResponder {
    package typealias Context = BasicRequestContext

    package let site: StaticSite
    /// Sent with every file (`no-cache` makes browsers revalidate, which suits a preview).
    package var cacheControl: String?
    private let fileIO = FileIO()

    package init(folder: URL, cacheControl: String? = "no-cache") {
        self.site = StaticSite(folder: folder)
        self.cacheControl = cacheControl
    }

    package func respond(to request: Request, context: Context) async throws -> Response {
        await respond(to: request, context: context, rewriteHTML: nil)
    }

    /// Serves `request`; when `rewriteHTML` is given, HTML answers (pages and the 404 page) are read
    /// whole and passed through it, without ETag (the preview injects its reload script this way).
    func respond(
        to request: Request, context: some RequestContext, rewriteHTML: (@Sendable ([UInt8]) -> [UInt8])?
    ) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Method Not Allowed", extra: [.allow: "GET, HEAD"])
        }
        let path: RequestPath
        do {
            path = try RequestPath(raw: request.uri.path)
        } catch {
            return Self.plain(.badRequest, "Bad Request")
        }
        var response: Response
        switch site.resolve(path) {
        case .siteMissing:
            response = Self.plain(.serviceUnavailable, "The site has not been built yet.")
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            response = Self.plain(.movedPermanently, "Moved Permanently", extra: [.location: location + query])
        case .notFound:
            if let page = site.notFoundPage() {
                response = await serve(page, status: .notFound, request: request, context: context, rewriteHTML: rewriteHTML)
            } else {
                response = Self.plain(.notFound, "Not Found")
            }
        case .file(let file):
            response = await serve(file, status: .ok, request: request, context: context, rewriteHTML: rewriteHTML)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func serve(
        _ file: StaticSite.File, status: HTTPResponse.Status, request: Request, context: some RequestContext,
        rewriteHTML: (@Sendable ([UInt8]) -> [UInt8])?
    ) async -> Response {
        var headers = HTTPFields()
        headers[.contentType] = MediaTypes.contentType(forExtension: file.fileExtension)
        headers[.xContentTypeOptions] = "nosniff"
        if let cacheControl { headers[.cacheControl] = cacheControl }
        if let rewriteHTML, MediaTypes.isHTML(extension: file.fileExtension) {
            guard let bytes = try? StaticSite.readAll(file.path) else { return Self.plain(.notFound, "Not Found") }
            let rewritten = rewriteHTML(bytes)
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: rewritten)))
        }
        let etag = "W/\"\(String(file.size, radix: 16))-\(String(file.modifiedNanoseconds, radix: 16))\""
        headers[.eTag] = etag
        headers[.lastModified] = Self.httpDate(file.modified)
        if status == .ok, let match = request.headers[.ifNoneMatch],
           match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*" })
        {
            return Response(status: .notModified, headers: headers)
        }
        guard request.method != .head else {
            headers[.contentLength] = "\(file.size)"
            return Response(status: status, headers: headers)
        }
        guard file.size > 0 else {
            headers[.contentLength] = "0"
            return Response(status: status, headers: headers)
        }
        do {
            let body = try await fileIO.loadFile(path: file.path, context: context)
            headers[.contentLength] = "\(file.size)"
            return Response(status: status, headers: headers, body: body)
        } catch {
            return Self.plain(.notFound, "Not Found")
        }
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
