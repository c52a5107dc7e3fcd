/// Escaping for HTML text and double-quoted attribute values, and for XML (sitemap, feeds).
///
/// One pass over the UTF-8 bytes: `&`, `<` and `>` always become entities, quotes where asked; NUL
/// and the other characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return;
/// U+FFFE and U+FFFF) are dropped, so the output is valid HTML and XML alike.
package enum HTMLEscaping {
    /// Element content.
    package static func text(_ text: String) -> String { escape(text, quotes: nil) }

    /// A double- or single-quoted attribute value.
    package static func attribute(_ text: String) -> String { escape(text, quotes: "&#39;") }

    /// - Parameter apostrophe: the entity for `'` (and `"` becomes `&quot;`); `nil` leaves both quotes.
    /// - Returns: `text` itself when nothing in it needs escaping.
    package static func escape(_ text: String, quotes apostrophe: String?) -> String {
        var text = text
        let unchanged = text.withUTF8 { bytes in bytes.allSatisfy { !needsWork($0, quotes: apostrophe != nil) } }
        if unchanged { return text }
        var output: [UInt8] = []
        append(text, quotes: apostrophe, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text`, escaped as ``escape(_:quotes:)`` does, to `output` (UTF-8).
    static func append(_ text: String, quotes apostrophe: String?, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.reserveCapacity(output.count + bytes.count)
            let quotes = apostrophe != nil
            var runStart = 0, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsWork(byte, quotes: quotes) else { index += 1; continue }
                var skipped = 1
                let entity: String?
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = apostrophe
                case 0xEF:
                    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) go; any other scalar starting with EF stays.
                    guard index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE else { index += 1; continue }
                    entity = nil; skipped = 3
                default: entity = nil  // a forbidden control character
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if let entity { output.append(contentsOf: entity.utf8) }
                index += skipped
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }

    /// A byte that is escaped or dropped, or (0xEF) may start U+FFFE or U+FFFF.
    @inline(__always)
    private static func needsWork(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF: return true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return quotes
        case 0x09, 0x0A, 0x0D: return false
        default: return byte < 0x20
        }
    }
}
