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

/// Generated pictures, each made once per sandbox.
actor SandboxPictures {
    private var made: [GeneratedPicture: [UInt8]] = [:]
    private var hostile: [HostilePicture: [UInt8]] = [:]

    func photo(_ spec: GeneratedPicture) async -> [UInt8]? {
        if let bytes = made[spec] { return bytes }
        guard let data = try? await MediaThreads.shared.run({ _ in
            try spec.bytes()
        }) else { return nil }
        made[spec] = Array(data)
        return Array(data)
    }

    private var photographs: [String: [UInt8]] = [:]

    func photograph(_ path: String, make: @escaping @Sendable () throws -> Data) async -> [UInt8]? {
        if let bytes = photographs[path] { return bytes }
        guard let data = try? await MediaThreads.shared.run({ _ in try make() }) else { return nil }
        photographs[path] = Array(data)
        return Array(data)
    }

    func hostileBytes(_ picture: HostilePicture, make: @escaping @Sendable () throws -> Data) async -> [UInt8] {
        if let bytes = hostile[picture] { return bytes }
        let bytes = Array((try? await MediaThreads.shared.run { _ in try make() }) ?? Data())
        hostile[picture] = bytes
        return bytes
    }
}
