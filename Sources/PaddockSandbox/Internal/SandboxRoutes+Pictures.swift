import Foundation
import Hummingbird
import PaddockMedia

/// Real pictures made on the spot, and the hostile ones a picture host may serve.
///
/// - `/media/generated/<width>x<height>[-o<orientation>].<jpg|png|webp>`: a generated photograph
///   (gradient and noise) of that size, EXIF orientation `o` (JPEG, WebP) included; with an
///   `ETag` and `Last-Modified`, and `304` to a matching conditional request.
/// - `/media/photographs/<path>.jpg`: the demo picture at `<path>` as a phone-sized photograph
///   (``SandboxOptions/photographs``).
/// - `/media/hostile/<case>`: ``HostilePicture``.
extension SandboxResponder {
    func addPictureRoutes(to router: Router<SandboxRequestContext>) {
        router.get("media/generated/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            return try await handle(.media, request, context) { input, _ in
                guard let spec = GeneratedPicture(name), let bytes = await pictures.photo(spec) else {
                    return .html("<h1>404</h1>", status: 404)
                }
                let etag = Validators.etag(of: bytes)
                let validators = [("ETag", etag), ("Last-Modified", HTTPDate.format(Date(timeIntervalSince1970: 1_767_225_600)))]
                if let match = input.header("If-None-Match"), Validators.matches(ifNoneMatch: match, etag: etag) {
                    return SandboxReply(status: 304, headers: validators, body: [])
                }
                return SandboxReply(status: 200, headers: [("Content-Type", spec.contentType)] + validators, body: bytes)
            }
        }
        router.get("media/photographs/**") { request, context in
            let parts = context.parameters.getCatchAll().map(String.init)
            return try await handle(.media, request, context) { input, _ in
                guard let bytes = await photograph(parts) else { return .html("<h1>404</h1>", status: 404) }
                let etag = Validators.etag(of: bytes)
                if let match = input.header("If-None-Match"), Validators.matches(ifNoneMatch: match, etag: etag) {
                    return SandboxReply(status: 304, headers: [("ETag", etag)], body: [])
                }
                return SandboxReply(status: 200, headers: [("Content-Type", "image/jpeg"), ("ETag", etag)], body: bytes)
            }
        }
        router.get("media/hostile/:name") { request, context in
            let name = context.parameters.get("name") ?? ""
            guard let hostile = HostilePicture(rawValue: name) else {
                return try await handle(.media, request, context) { _, _ in .html("<h1>404</h1>", status: 404) }
            }
            if hostile == .trickle { return Self.trickle() }
            return try await handle(.media, request, context) { input, _ in await hostile.reply(baseURL: input.baseURL, pictures: pictures) }
        }
    }

    /// The photograph made from the demo picture `parts` names (`horses/h00-0.jpg` from
    /// `horses/h00-0.png`), made once per sandbox.
    func photograph(_ parts: [String]) async -> [UInt8]? {
        guard let name = parts.last, name.hasSuffix(".jpg") else { return nil }
        let stem = String(name.dropLast(4))
        for ext in ["png", "jpg", "webp"] {
            guard let file = demoFile(Array(parts.dropLast()) + [stem + "." + ext]),
                  let source = FileManager.default.contents(atPath: file.path) else { continue }
            return await pictures.photograph(parts.joined(separator: "/")) { try SamplePictures.photograph(from: source) }
        }
        return nil
    }

    /// A JPEG start, then one byte every 200 ms for ten minutes: a download without a time limit stalls.
    static func trickle() -> Response {
        Response(status: .ok, headers: [.contentType: "image/jpeg"], body: ResponseBody { writer in
            try await writer.write(ByteBuffer(bytes: [0xFF, 0xD8, 0xFF, 0xE0]))
            for _ in 0..<3000 {
                try await Task.sleep(for: .milliseconds(200))
                try await writer.write(ByteBuffer(bytes: [0]))
            }
            try await writer.finish(nil)
        })
    }
}

/// Generated pictures, each made once per sandbox: requests that arrive while a picture is being
/// made wait for that one (the actor is reentrant across the hop to `MediaThreads`, and the noise
/// differs every time, so a second making would give one URL two ETags).
actor SandboxPictures {
    private var made: [GeneratedPicture: Task<[UInt8]?, Never>] = [:]
    private var photographs: [String: Task<[UInt8]?, Never>] = [:]
    private var hostile: [HostilePicture: Task<[UInt8], Never>] = [:]

    func photo(_ spec: GeneratedPicture) async -> [UInt8]? {
        if let making = made[spec] { return await making.value }
        let making = Task { (try? await MediaThreads.shared.run { _ in try spec.bytes() }).map(Array.init) }
        made[spec] = making
        return await making.value
    }

    func photograph(_ path: String, make: @escaping @Sendable () throws -> Data) async -> [UInt8]? {
        if let making = photographs[path] { return await making.value }
        let making = Task { (try? await MediaThreads.shared.run { _ in try make() }).map(Array.init) }
        photographs[path] = making
        return await making.value
    }

    func hostileBytes(_ picture: HostilePicture, make: @escaping @Sendable () throws -> Data) async -> [UInt8] {
        if let making = hostile[picture] { return await making.value }
        let making = Task { Array((try? await MediaThreads.shared.run { _ in try make() }) ?? Data()) }
        hostile[picture] = making
        return await making.value
    }
}
