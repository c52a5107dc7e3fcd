/// The path of a request to the static server, percent-decoded exactly once and checked.
///
/// Refused (the request gets 400): a NUL byte, a backslash, `..` as a segment, invalid percent
/// escapes, and each of these written percent-encoded (`%2e%2e%2f`, `%00`, `%5c`). A doubly
/// encoded `%252e` decodes once to the literal name `%2e`, which is just a file name.
struct RequestPath: Sendable, Equatable {
    /// The decoded segments, without empty and `.` segments.
    var segments: [String]
    /// The raw path ended in `/` (a folder was asked for).
    var trailingSlash: Bool

    /// The path re-encoded for a `Location` header (always starts with a single `/`).
    var encoded: String {
        "/" + segments.map(Self.percentEncode).joined(separator: "/") + (trailingSlash && !segments.isEmpty ? "/" : "")
    }

    /// The file extension of the last segment, lowercased (`""` when none).
    var fileExtension: String {
        guard let last = segments.last, let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return last[last.index(after: dot)...].lowercased()
    }

    /// Parses the raw path of a request (without the query).
    /// - Throws: ``RequestPathError`` for anything that could name a file outside the site.
    init(raw: String) throws(RequestPathError) {
        let bytes = Array(raw.utf8)
        guard bytes.first == UInt8(ascii: "/") else { throw .notAbsolute }
        var segments: [String] = []
        for rawSegment in bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let decoded = try Self.percentDecode(rawSegment)
            for byte in decoded where byte == 0 || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") {
                throw .forbiddenCharacter
            }
            guard let segment = String(validating: decoded, as: UTF8.self) else { throw .invalidEncoding }
            if segment == "." { continue }
            if segment == ".." { throw .traversal }
            segments.append(segment)
        }
        self.segments = segments
        self.trailingSlash = bytes.last == UInt8(ascii: "/")
    }

    static func percentDecode(_ bytes: ArraySlice<UInt8>) throws(RequestPathError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { throw .invalidEncoding }
                out.append(high << 4 | low)
                index += 3
            } else {
                if byte < 0x20 || byte == 0x7f { throw .forbiddenCharacter }
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    static func percentEncode(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

/// Why a request path was refused.
enum RequestPathError: Error, Equatable {
    case notAbsolute, invalidEncoding, forbiddenCharacter, traversal
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
