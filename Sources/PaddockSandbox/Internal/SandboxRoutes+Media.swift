import Foundation
import Hummingbird

/// The demo pictures under `/media/…`, read from the bundled folder; nothing outside it is reachable.
extension SandboxResponder {
    static let contentTypes = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "svg": "image/svg+xml", "webp": "image/webp"]

    func addMediaRoutes(to router: Router<SandboxRequestContext>) {
        router.get("media/**") { request, context in
            let parts = context.parameters.getCatchAll().map(String.init)
            return try await handle(.media, request, context) { input, _ in
                var reply = media(parts)
                guard reply.status == 200 else { return reply }
                // Pictures carry an ETag, and a matching If-None-Match gets 304 (mirrors revalidate).
                let etag = Validators.etag(of: reply.body)
                reply.headers.append(("ETag", etag))
                if let match = input.header("If-None-Match"), Validators.matches(ifNoneMatch: match, etag: etag) {
                    return SandboxReply(status: 304, headers: [("ETag", etag)], body: [])
                }
                return reply
            }
        }
        router.get("/") { request, context in
            try await handle(.other, request, context) { input, _ in
                .html("<h1>Paddock sandbox</h1><p>Equicty: \(input.baseURL)/equicty/api — Husbandry: \(input.baseURL)/husbandry/api</p>")
            }
        }
    }

    func media(_ parts: [String]) -> SandboxReply {
        guard let url = demoFile(parts), let type = Self.contentTypes[url.pathExtension.lowercased()],
              let data = FileManager.default.contents(atPath: url.path) else {
            return .html("<h1>404</h1>", status: 404)
        }
        return SandboxReply(status: 200, headers: [("Content-Type", type), ("Cache-Control", "public, max-age=3600")], body: Array(data))
    }

    /// The file of the bundled media folder at `parts`; `nil` for a path that would leave it.
    func demoFile(_ parts: [String]) -> URL? {
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." && !$0.contains("\\") }) else { return nil }
        return parts.reduce(store.mediaFolder) { $0.appendingPathComponent($1) }
    }
}
