import Foundation

/// Which cache validators an answer carries. The documents say nothing of `ETag` or
/// `Last-Modified`, so a server may send both, either or neither: with the mixed variants each
/// kind of endpoint has its own combination (a client must revalidate with whichever it got);
/// `.canonical` sends both on every API answer.
enum Validators: Equatable {
    case both, etagOnly, lastModifiedOnly, neither

    var sendsETag: Bool { self == .both || self == .etagOnly }
    var sendsLastModified: Bool { self == .both || self == .lastModifiedOnly }

    /// | endpoint | mixed |
    /// | --- | --- |
    /// | Equicty details (GET) | both |
    /// | Equicty list (POST) | ETag only |
    /// | HorseTelex pedigree (POST) | Last-Modified only |
    /// | Husbandry v2 `animals` | ETag only |
    /// | Husbandry v2 `profile`, `activities` | neither |
    /// | Husbandry v1 | Last-Modified only |
    /// | media (pictures) | an `ETag` of their own, answered by the picture routes |
    /// | smaXtec animals | both |
    /// | smaXtec events | Last-Modified only |
    /// | smaXtec organisations | ETag only |
    /// | smaXtec `get_token` | neither |
    /// | OAuth, unknown paths | neither |
    static func of(_ service: SandboxService, method: String, path: String, variants: SandboxVariants) -> Validators {
        switch service {
        case .husbandryOAuth, .smaxtecToken, .media, .other: return .neither
        case .equicty, .husbandryV1, .husbandryV2, .smaxtec: if variants == .canonical { return .both }
        }
        switch service {
        case .equicty where method == "GET": return .both
        case .equicty: return path.contains("/pedigree/") ? .lastModifiedOnly : .etagOnly
        case .husbandryV2: return path.contains("/animals") ? .etagOnly : .neither
        case .husbandryV1: return .lastModifiedOnly
        case .smaxtec where path.hasSuffix("/events"): return .lastModifiedOnly
        case .smaxtec where path.hasSuffix("/organisation"): return .etagOnly
        case .smaxtec: return .both
        default: return .neither
        }
    }

    /// A strong entity tag of `body`: 128 bits of two FNV-1a hashes, the same for the same bytes
    /// in every sandbox instance.
    static func etag(of body: [UInt8]) -> String {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325, b: UInt64 = 0x6C62_272E_07BB_0142
        for byte in body {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b << 7) | (b >> 57)
        }
        return "\"" + String(a, radix: 16).leftPadded(16) + String(b, radix: 16).leftPadded(16) + "\""
    }

    /// The entity tags of an `If-None-Match` header (`*` matches anything; `W/` is ignored, as the
    /// weak comparison RFC 9110 asks for with this header does).
    static func matches(ifNoneMatch header: String, etag: String) -> Bool {
        for part in header.split(separator: ",") {
            var tag = part.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return true }
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            if tag == etag { return true }
        }
        return false
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

/// When each resource's current answer was first served, for `Last-Modified`: per sandbox instance,
/// so a client that kept a date from another instance gets the whole answer again. A resource whose
/// answer changes gets a later date (at least one second later, the header's resolution).
actor LastModifiedBook {
    private var entries: [String: (etag: String, date: Date)] = [:]

    func date(of resource: String, etag: String, now: Date = Date()) -> Date {
        let second = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        if let entry = entries[resource] {
            if entry.etag == etag { return entry.date }
            let later = max(second, entry.date.addingTimeInterval(1))
            entries[resource] = (etag, later)
            return later
        }
        entries[resource] = (etag, second)
        return second
    }
}
