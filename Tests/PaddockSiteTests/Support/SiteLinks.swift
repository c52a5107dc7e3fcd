import Foundation

/// Resolves the links of rendered pages against the set of rendered files.
enum SiteLinks {
    /// The site path a reference of the page at `pagePath` points to, or `nil` for external ones
    /// (`https:`, `mailto:`, `tel:`, fragments). `baseURL` links are turned into site paths.
    static func resolve(_ reference: String, from pagePath: String, baseURL: String) -> String? {
        var ref = reference
        if ref.hasPrefix(baseURL) { return normalise(String(ref.dropFirst(baseURL.count)), isDirectory: ref.hasSuffix("/")) }
        if let hash = ref.firstIndex(of: "#") { ref = String(ref[..<hash]) }
        if ref.isEmpty { return nil }
        if ref.contains(":") { return nil }
        let basePath = URLComponents(string: baseURL)?.path ?? "/"
        var parts: [String]
        if ref.hasPrefix("/") {
            guard ref.hasPrefix(basePath) else { return "OUTSIDE:" + ref }
            parts = []
            ref = String(ref.dropFirst(basePath.count))
        } else {
            parts = pagePath.split(separator: "/").map(String.init)
            parts.removeLast()
        }
        for segment in ref.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." {
                if parts.isEmpty { return "OUTSIDE:" + reference }
                parts.removeLast()
            } else if segment != "." {
                parts.append(String(segment))
            }
        }
        return normalise(parts.joined(separator: "/"), isDirectory: ref.hasSuffix("/") || ref.isEmpty)
    }

    private static func normalise(_ path: String, isDirectory: Bool) -> String {
        if path.isEmpty { return "index.html" }
        return isDirectory ? (path.hasSuffix("/") ? path : path + "/") + "index.html" : path
    }
}
