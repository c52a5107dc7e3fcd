import Foundation

/// Turns names from the APIs into URL path segments that are safe as file names.
///
/// A slug is ASCII, lower case, made of `a-z`, `0-9` and single `-`, at most ``maxLength``
/// characters, never empty, never dot-only and never a reserved name (Windows device names such
/// as `con`, and the names the site itself uses, such as `index`, `assets` or `page`).
///
/// ```swift
/// Slug.make("Éclair d'Or <b>") // "eclair-d-or-b"
/// ```
package enum Slug {
    /// The longest slug made (the id suffix of a collision may add to it, see ``SlugAllocator``).
    package static let maxLength = 60

    /// Names no slug may take: device names of Windows, and path segments the site plan uses.
    package static let reserved: Set<String> = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
        "index", "assets", "static", "page", "feed", "sitemap", "robots", "404", "sold",
        "horses", "for-sale", "species", "studbook",
        "stallions", "mares", "geldings", "fillies", "colts", "unknown",
        "en", "fr", "de", "nl",
    ]

    /// The slug of `text`, or `fallback` when nothing usable is left.
    package static func make(_ text: String, fallback: String = "item") -> String {
        let slug = fold(text)
        if slug.isEmpty { return fold(fallback).isEmpty ? "item" : fold(fallback) }
        if reserved.contains(slug) { return slug + "-1" }
        return slug
    }

    /// Folds `text` to `a-z0-9-` without checking reserved names.
    static func fold(_ text: String) -> String {
        let plain: String
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            plain = text
        } else if text.unicodeScalars.allSatisfy({ $0.value < 0x250 }) {
            // Latin script only (Latin-1, Extended-A and -B): transliterating to Latin changes nothing,
            // and it is by far the slowest step.
            plain = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        } else {
            let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
            plain = latin.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        }
        var out: [UInt8] = []
        out.reserveCapacity(min(plain.utf8.count, maxLength))
        var pendingDash = false
        func append(_ v: UInt32) {
            let isAlnum = (v >= 97 && v <= 122) || (v >= 48 && v <= 57)
            let isUpper = v >= 65 && v <= 90
            if isAlnum || isUpper {
                if pendingDash && !out.isEmpty { out.append(45) }
                pendingDash = false
                out.append(UInt8(isUpper ? v + 32 : v))
            } else {
                pendingDash = true
            }
        }
        for scalar in plain.unicodeScalars {
            if scalar.isASCII, scalar != "&" {
                append(scalar.value)   // the common case: no expansion, no String made
            } else if let expanded = expansions[scalar] {
                for s in expanded.unicodeScalars { append(s.value) }
            } else {
                append(scalar.value)
            }
            if out.count >= maxLength { break }
        }
        if out.count > maxLength { out.removeLast(out.count - maxLength) }
        while out.last == 45 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    private static let expansions: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "&": "and",
    ]
}
