import Foundation

/// Filters addresses that came from the APIs: only absolute `http` and `https` URLs survive.
enum SafeURL {
    /// `text` if it is an absolute http(s) URL with a host and no whitespace or control
    /// characters, else `nil` (`javascript:`, `data:`, relative paths and junk are dropped).
    ///
    /// Checked on the UTF-8 bytes (called several times per page): a scalar up to U+007F is one
    /// byte, and the bytes of longer scalars are all above 0x7F.
    static func web(_ text: String?) -> String? {
        guard var raw = text?.trimmed, !raw.isEmpty else { return nil }
        // At most 4,096 characters: never more characters than bytes, so only long texts are counted.
        if raw.utf8.count > 4096, raw.count > 4096 { return nil }
        let safe = raw.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return false }
            let prefix: Int
            if startsIgnoringCase(bytes, "https://") { prefix = 8 } else if startsIgnoringCase(bytes, "http://") { prefix = 7 } else { return false }
            let authority = bytes[prefix...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
            return !authority.isEmpty && !authority.contains(UInt8(ascii: "@")) && authority.first != UInt8(ascii: ":")
        }
        return safe ? raw : nil
    }

    /// `bytes` starts with `scheme` when each byte is lowered by setting 0x20 (as `HTTPS://` → `https://`).
    private static func startsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ scheme: StaticString) -> Bool {
        let count = scheme.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        for k in 0..<count where bytes[k] | 0x20 != scheme.utf8Start[k] { return false }
        return true
    }

    /// The YouTube video id of a watch, short, embed or shorts URL, validated to `[A-Za-z0-9_-]{11}`.
    static func youTubeID(_ text: String?) -> String? {
        guard let url = web(text) else { return nil }
        // Read on the bytes (a page per horse asks): `web` has checked the scheme, that the
        // authority has no user part, and that there is no white space or backslash.
        let bytes = Array(url.utf8)
        var index = bytes[4] == UInt8(ascii: ":") ? 7 : 8
        let hostStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") { index += 1 }
        let authority = bytes[hostStart..<index]
        let host = String(decoding: authority.prefix { $0 != UInt8(ascii: ":") }.map { $0 | 0x20 }, as: UTF8.self)
        let pathStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") { index += 1 }
        let path = bytes[pathStart..<index].split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        var query: ArraySlice<UInt8> = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "?") {
            let queryStart = index + 1
            index = queryStart
            while index < bytes.count, bytes[index] != UInt8(ascii: "#") { index += 1 }
            query = bytes[queryStart..<index]
        }
        var candidate: String?
        switch host {
        case "youtu.be", "www.youtu.be":
            candidate = path.first
        case "youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com":
            if path.first == "watch" {
                candidate = query.split(separator: UInt8(ascii: "&")).lazy
                    .compactMap { item -> String? in
                        guard item.first == UInt8(ascii: "v"), item.dropFirst().first == UInt8(ascii: "=") else { return nil }
                        return String(decoding: item.dropFirst(2), as: UTF8.self)
                    }.first
            } else if path.count >= 2, ["embed", "shorts", "v", "live"].contains(path[0]) {
                candidate = path[1]
            }
        default:
            return nil
        }
        guard let id = candidate, id.utf8.count == 11,
              id.utf8.allSatisfy({ ($0 | 0x20 >= UInt8(ascii: "a") && $0 | 0x20 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                  || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") })
        else { return nil }
        return id
    }

    /// A `mailto:` link with a percent-encoded subject (only unreserved characters kept).
    static func mailto(_ address: String?, subject: String) -> String? {
        guard let address = address?.trimmed, !address.isEmpty, address.utf8.contains(UInt8(ascii: "@")) else { return nil }
        let forbidden: Bool
        if address.utf8.allSatisfy({ $0 < 0x80 }) {
            // The common case, on the bytes: no query, fragment or white space in the address.
            forbidden = address.utf8.contains { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "#") || $0 <= 0x20 || $0 == 0x7F }
        } else {
            forbidden = address.contains(where: { $0 == "?" || $0 == "&" || $0 == "#" || $0.isWhitespace })
        }
        guard !forbidden else { return nil }
        return "mailto:\(percentEncode(address, keeping: "@+"))?subject=\(percentEncode(subject))"
    }

    /// Percent-encodes everything but the unreserved characters of RFC 3986 (and `keeping`).
    /// (Written as bytes: every character of the result is ASCII.)
    static func percentEncode(_ text: String, keeping: String = "") -> String {
        let kept = Array(keeping.utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                if kept.contains(byte) { out.append(byte); continue }
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
