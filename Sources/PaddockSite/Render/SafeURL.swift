import Foundation

/// Filters addresses that came from the APIs: only absolute `http` and `https` URLs survive.
enum SafeURL {
    /// `text` if it is an absolute http(s) URL with a host and no whitespace or control
    /// characters, else `nil` (`javascript:`, `data:`, relative paths and junk are dropped).
    static func web(_ text: String?) -> String? {
        guard let raw = text?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty, raw.count <= 4096 else { return nil }
        guard !raw.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" }) else { return nil }
        guard let components = URLComponents(string: raw), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else { return nil }
        return raw
    }

    /// The YouTube video id of a watch, short, embed or shorts URL, validated to `[A-Za-z0-9_-]{11}`.
    static func youTubeID(_ text: String?) -> String? {
        guard let url = web(text), let components = URLComponents(string: url), let host = components.host?.lowercased() else { return nil }
        let path = components.path.split(separator: "/").map(String.init)
        var candidate: String?
        switch host {
        case "youtu.be", "www.youtu.be":
            candidate = path.first
        case "youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com":
            if path.first == "watch" {
                candidate = components.queryItems?.first(where: { $0.name == "v" })?.value
            } else if path.count >= 2, ["embed", "shorts", "v", "live"].contains(path[0]) {
                candidate = path[1]
            }
        default:
            return nil
        }
        guard let id = candidate, id.utf8.count == 11,
              id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "_" || $0 == "-" })
        else { return nil }
        return id
    }

    /// A `mailto:` link with a percent-encoded subject (only unreserved characters kept).
    static func mailto(_ address: String?, subject: String) -> String? {
        guard let address = address?.trimmingCharacters(in: .whitespacesAndNewlines), !address.isEmpty,
              address.contains("@"), !address.contains(where: { $0 == "?" || $0 == "&" || $0 == "#" || $0.isWhitespace })
        else { return nil }
        let allowedAddress = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "@.-_+"))
        let encodedAddress = address.addingPercentEncoding(withAllowedCharacters: allowedAddress) ?? address
        return "mailto:\(encodedAddress)?subject=\(percentEncode(subject))"
    }

    /// Percent-encodes everything but the unreserved characters of RFC 3986.
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
