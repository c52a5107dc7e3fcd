import Foundation
import PaddockPublish

/// The site's files by path, for the attribution check: resolves links and caches stylesheets.
final class AttributionSiteIndex: @unchecked Sendable {
    private let output: SiteOutput
    private let pageIndex: [String: Int]
    private let staticIndex: [String: Int]
    private let basePath: String
    private let baseURL: String
    private let lock = NSLock()
    private var sheets: [String: CSSStylesheet?] = [:]
    private var digests: [String: [UInt8]?] = [:]
    private var hosts: [String: String?] = [:]
    /// Projections of strict pages that passed the check (``StrictPageScan/attributionProjection(pagePath:)``).
    private var passedProjections: Set<Projection> = []

    /// A projection as a set member: compared on every byte, hashed on its length and 32 words
    /// spread over it (a full hash of the kilobytes of a projection cost more than the rest of a
    /// look-up; keys that share the sampled words only cost one more comparison).
    private struct Projection: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { raw in
                guard raw.count >= 8 else { hasher.combine(bytes: raw); return }
                let step = max(1, (raw.count - 8) / 31)
                var offset = 0
                while offset <= raw.count - 8 {
                    hasher.combine(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    offset += step
                }
            }
        }

        static func == (a: Projection, b: Projection) -> Bool { a.bytes == b.bytes }
    }

    init(output: SiteOutput, baseURL: String) {
        self.output = output
        self.baseURL = baseURL
        basePath = URL(string: baseURL)?.path ?? "/"
        var pages: [String: Int] = [:]
        for (index, page) in output.pages.enumerated() { pages[page.path] = index }
        var statics: [String: Int] = [:]
        for (index, file) in output.staticFiles.enumerated() { statics[file.path] = index }
        pageIndex = pages; staticIndex = statics
    }

    func bytes(at path: String) -> [UInt8]? {
        if let index = pageIndex[path] { return output.pages[index].bytes }
        guard let index = staticIndex[path],
              let data = FileManager.default.contents(atPath: output.staticFiles[index].source.path) else { return nil }
        return Array(data)
    }

    /// The SHA-256 of the file at `path`, computed once per path; `nil` when absent.
    func digest(at path: String) -> [UInt8]? {
        lock.lock()
        if let cached = digests[path] { lock.unlock(); return cached }
        lock.unlock()
        let digest = bytes(at: path).map(AttributionChecker.digest)
        lock.lock(); digests[path] = digest; lock.unlock()
        return digest
    }

    /// Whether a page with this projection (and the same checker) passed already.
    func passed(_ projection: [UInt8]) -> Bool {
        lock.withLock { passedProjections.contains(Projection(bytes: projection)) }
    }

    /// How many passing projections are remembered (for tests).
    var rememberedPasses: Int { lock.withLock { passedProjections.count } }

    func rememberPassed(_ projection: [UInt8]) {
        lock.withLock { _ = passedProjections.insert(Projection(bytes: projection)) }
    }

    /// `URL(string: link)?.host`, parsed once per distinct link (pages repeat the same few).
    func host(of link: String) -> String? {
        lock.lock()
        if let cached = hosts[link] { lock.unlock(); return cached }
        lock.unlock()
        let host = URL(string: link)?.host
        lock.lock(); hosts[link] = host; lock.unlock()
        return host
    }

    func stylesheet(at path: String) -> CSSStylesheet? {
        lock.lock()
        if let cached = sheets[path] { lock.unlock(); return cached }
        lock.unlock()
        let sheet = bytes(at: path).map { CSSStylesheet(String(decoding: $0, as: UTF8.self)) }
        lock.lock(); sheets[path] = sheet; lock.unlock()
        return sheet
    }

    /// The common case of a theme's links: `../../assets/site.css` from a page exactly that many
    /// folders deep, with nothing to normalise after the climb; `nil` for anything else.
    static func climbingToTheRoot(_ reference: String, from page: String) -> String? {
        var depth = 0
        for byte in page.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        var rest = Substring(reference)
        for _ in 0..<depth {
            guard rest.hasPrefix("../") else { return nil }
            rest = rest.dropFirst(3)
        }
        // Nothing left to normalise: no empty, `.` or `..` segment, no scheme (checked on the bytes).
        guard !rest.isEmpty, !rest.utf8.contains(UInt8(ascii: ":")) else { return nil }
        var previous: UInt8 = UInt8(ascii: "/")
        var segmentIsDots = true
        for byte in rest.utf8 {
            if byte == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") || segmentIsDots { return nil }
                segmentIsDots = true
            } else if byte != UInt8(ascii: ".") {
                segmentIsDots = false
            }
            previous = byte
        }
        if segmentIsDots && previous != UInt8(ascii: "/") { return nil }   // a last segment of dots only
        return rest.hasSuffix("/") ? rest + "index.html" : String(rest)
    }

    /// The site path a link on the page at `from` points to, or `nil` when it leaves the site.
    func resolve(_ reference: String, from page: String) -> String? {
        var reference = reference.trimmingASCIIOrUnicodeSpaces(newlines: true)
        if let cut = reference.firstIndex(where: { $0 == "?" || $0 == "#" }) { reference = String(reference[..<cut]) }
        if let path = Self.climbingToTheRoot(reference, from: page) { return path }
        var segments: [Substring]
        if reference.hasPrefix(baseURL) {
            segments = reference.dropFirst(baseURL.count).split(separator: "/", omittingEmptySubsequences: false)
        } else if reference.hasPrefix("/"), !reference.hasPrefix("//") {
            guard reference.hasPrefix(basePath) || basePath == "/" else { return nil }
            segments = reference.dropFirst(basePath.count).split(separator: "/", omittingEmptySubsequences: false)
        } else if reference.utf8.contains(UInt8(ascii: ":")) || reference.hasPrefix("//") || reference.isEmpty {
            return nil
        } else {
            segments = page.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                + reference.split(separator: "/", omittingEmptySubsequences: false)
        }
        var path: [Substring] = []
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..": if path.isEmpty { return nil } else { path.removeLast() }
            default: path.append(segment)
            }
        }
        let joined = path.joined(separator: "/")
        return (reference.hasSuffix("/") || joined.isEmpty) ? (joined.isEmpty ? "index.html" : joined + "/index.html") : joined
    }
}
