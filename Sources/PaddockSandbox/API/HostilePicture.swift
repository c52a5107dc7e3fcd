import Foundation
import PaddockMedia

/// The hostile pictures of `/media/hostile/<case>`: each must be skipped by a site's build with a
/// warning naming the item and the reason, and never reach a visitor.
package enum HostilePicture: String, CaseIterable, Sendable {
    /// An HTML page labelled `image/jpeg`.
    case notAnImage = "not-an-image.jpg"
    /// An 8,000 × 8,000 PNG of black: tens of kilobytes on the wire, 64 megapixels decoded.
    case decompressionBomb = "bomb.png"
    /// A PNG whose header claims 65000 × 65000.
    case hugeHeader = "huge-header.png"
    /// The first half of a real JPEG.
    case truncated = "truncated.jpg"
    /// A GIF of 400 frames.
    case animatedGIF = "animated.gif"
    /// An SVG with a script.
    case svg = "picture.svg"
    /// 30 MB labelled `image/jpeg`, more than the default 25 MB limit.
    case tooBig = "too-big.jpg"
    /// A JPEG start, then one byte every 200 ms for ten minutes.
    case trickle = "trickle.jpg"
    /// Two addresses redirecting to each other.
    case redirectLoop = "loop-a.jpg"
    case redirectLoopBack = "loop-b.jpg"
    /// A redirect to `file:///etc/passwd`.
    case redirectToFile = "to-file.jpg"
    /// A redirect to a loopback port nothing listens on.
    case redirectToClosedPort = "to-closed-port.jpg"

    /// The cases a site's pictures point at (the loop's second half is reached through the first).
    package static var referenced: [HostilePicture] { allCases.filter { $0 != .redirectLoopBack } }

    func reply(baseURL: String, pictures: SandboxPictures) async -> SandboxReply {
        func bytes(_ make: @escaping @Sendable () throws -> Data) async -> [UInt8] { await pictures.hostileBytes(self, make: make) }
        switch self {
        case .notAnImage:
            return SandboxReply(status: 200, headers: [("Content-Type", "image/jpeg")], body: Array("<!doctype html><title>Moved</title><p>This picture has moved.</p>".utf8))
        case .decompressionBomb:
            return SandboxReply(status: 200, headers: [("Content-Type", "image/png")], body: await bytes { try SamplePictures.decompressionBomb(width: 8000, height: 8000) })
        case .hugeHeader:
            return SandboxReply(status: 200, headers: [("Content-Type", "image/png")], body: Array(SamplePictures.claimedSizePNG()))
        case .truncated:
            let whole = await bytes { try SamplePictures.photo(width: 1600, height: 1200, format: .jpeg) }
            return SandboxReply(status: 200, headers: [("Content-Type", "image/jpeg")], body: Array(whole.prefix(whole.count / 2)))
        case .animatedGIF:
            return SandboxReply(status: 200, headers: [("Content-Type", "image/gif")], body: Array(SamplePictures.animatedGIF(frames: 400)))
        case .svg:
            return SandboxReply(status: 200, headers: [("Content-Type", "image/svg+xml")], body: Array(SamplePictures.svg))
        case .tooBig:
            let body = await bytes { Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0x5A, count: 30 << 20) }
            return SandboxReply(status: 200, headers: [("Content-Type", "image/jpeg")], body: body)
        case .trickle:
            return SandboxReply(status: 500, headers: [], body: [])
        case .redirectLoop:
            return .redirect(to: "\(baseURL)/media/hostile/\(HostilePicture.redirectLoopBack.rawValue)")
        case .redirectLoopBack:
            return .redirect(to: "\(baseURL)/media/hostile/\(HostilePicture.redirectLoop.rawValue)")
        case .redirectToFile:
            return .redirect(to: "file:///etc/passwd")
        case .redirectToClosedPort:
            return .redirect(to: "http://127.0.0.1:1/photo.jpg")
        }
    }
}
