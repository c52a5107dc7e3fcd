/// Where one response lives in the cache: `<service>/<language or "any">/<name>.response`.
struct CacheKey: Sendable, Hashable {
    var service: SourceService
    /// The fetch's language; `nil` for answers that do not depend on it (Husbandry).
    var language: String?
    /// The item's file name stem, made safe (see ``safe(_:)``).
    var name: String

    init(service: SourceService, language: String?, name: String) {
        self.service = service
        self.language = language
        self.name = CacheKey.safe(name)
    }

    var relativePath: String {
        "\(service.rawValue)/\(language.map(CacheKey.safe) ?? "any")/\(name).response"
    }

    /// Letters, digits, `-` and `_` pass; every other byte becomes `.XX` (hex), so ids cannot
    /// traverse folders or collide after sanitising.
    static func safe(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "." + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out.isEmpty ? ".empty" : out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
