/// Pictures the site serves itself (the demo data's, under `media/demo/`) arrive as absolute URLs
/// below the site's base URL. In `src` and `href` attributes they are made relative to the page,
/// like every other internal link, so the site also works in preview and at any address;
/// canonical, Open Graph and JSON-LD addresses stay absolute.
struct LocalMediaLinks: Sendable {
    /// Absolute prefixes (`https://stable.example/media/demo/`) and their site paths (`media/demo/`).
    let prefixes: [(absolute: [UInt8], sitePath: [UInt8])]

    init(baseURL: String, sitePaths: [String]) {
        prefixes = sitePaths.map { path in
            let folder = path.hasSuffix("/") ? path : path + "/"
            return (Array((baseURL + folder).utf8), Array(folder.utf8))
        }
    }

    var isEmpty: Bool { prefixes.isEmpty }

    /// `bytes` with `src="<absolute>…"` and `href="<absolute>…"` rewritten to `rootPrefix + sitePath + …`.
    func relativize(_ bytes: [UInt8], rootPrefix: String) -> [UInt8] {
        guard !prefixes.isEmpty else { return bytes }
        let root = Array(rootPrefix.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var copied = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\""), isURLAttribute(bytes, quoteAt: i),
               let match = prefixes.first(where: { starts(bytes, with: $0.absolute, at: i + 1) }) {
                out.append(contentsOf: bytes[copied...i])
                out.append(contentsOf: root)
                out.append(contentsOf: match.sitePath)
                i += 1 + match.absolute.count
                copied = i
                continue
            }
            i += 1
        }
        out.append(contentsOf: bytes[copied...])
        return out
    }

    /// The quote at `index` opens the value of a `src=` or `href=` attribute.
    private func isURLAttribute(_ bytes: [UInt8], quoteAt index: Int) -> Bool {
        guard index >= 1, bytes[index - 1] == UInt8(ascii: "=") else { return false }
        func ends(with name: String) -> Bool {
            let name = Array(name.utf8)
            let start = index - 1 - name.count
            guard start >= 1, starts(bytes, with: name, at: start) else { return false }
            return bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n")
        }
        return ends(with: "src") || ends(with: "href")
    }

    private func starts(_ bytes: [UInt8], with prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= bytes.count else { return false }
        var k = 0
        while k < prefix.count {
            if bytes[offset + k] != prefix[k] { return false }
            k += 1
        }
        return true
    }
}
