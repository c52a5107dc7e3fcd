import Foundation

extension SandboxResponder {
    /// Gives a successful answer the validators of its endpoint (``Validators``) and answers a
    /// conditional request whose condition holds (RFC 9110 §13): a matching `If-None-Match`, or
    /// with none an `If-Modified-Since` no earlier than `Last-Modified`, gets `304 Not Modified`
    /// with the validators and no body for GET, and `412 Precondition Failed` for other methods
    /// (where `If-Modified-Since` is ignored).
    /// - Returns: the answer to send instead of `reply`, or `nil` to send `reply` (with its validators).
    /// - Parameter resource: what identifies the answer (method, path, query, language, request body).
    func revalidate(_ reply: inout SandboxReply, service: SandboxService, method: String, path: String, resource: String,
                    input: RouteInput) async -> SandboxReply? {
        guard reply.status == 200 else { return nil }
        let kind = Validators.of(service, method: method, path: path, variants: options.variants)
        guard kind != .neither else { return nil }
        let etag = Validators.etag(of: reply.body)
        var validators: [(String, String)] = []
        if kind.sendsETag { validators.append(("ETag", etag)) }
        var lastModified: Date?
        if kind.sendsLastModified {
            let date = await lastModifiedBook.date(of: resource, etag: etag)
            lastModified = date
            validators.append(("Last-Modified", HTTPDate.format(date)))
        }
        reply.headers += validators

        let safe = method == "GET" || method == "HEAD"
        let unchanged: Bool
        if let header = input.header("If-None-Match") {
            unchanged = kind.sendsETag && Validators.matches(ifNoneMatch: header, etag: etag)
        } else if safe, let header = input.header("If-Modified-Since"), let since = HTTPDate.parse(header), let lastModified {
            unchanged = lastModified <= since
        } else {
            unchanged = false
        }
        guard unchanged else { return nil }
        let kept = reply.headers.filter { ["content-language", "etag", "last-modified"].contains($0.0.lowercased()) }
        return SandboxReply(status: safe ? 304 : 412, headers: kept, body: [])
    }
}
