/// The tags of an HTML text, in order, each only once it is complete (a tag cut by the end of the
/// text is not returned). Comments, doctypes and the contents of `<script>` and `<style>` are
/// skipped. Enough to find links and images; not a parser.
struct HTMLTagScanner {
    struct Tag {
        /// Lower case; end tags as `/name`.
        var name: String
        /// Names in lower case, values as written (quotes removed).
        var attributes: [(name: String, value: String)]
    }

    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> Tag? {
        while let open = find(UInt8(ascii: "<"), from: index) {
            index = open + 1
            guard index < bytes.count else { return nil }
            if starts(with: "!--", at: index) {
                guard let end = find("-->", from: index + 3) else { return nil }
                index = end + 3
                continue
            }
            if bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: "?") {
                guard let end = find(UInt8(ascii: ">"), from: index) else { return nil }
                index = end + 1
                continue
            }
            let closing = bytes[index] == UInt8(ascii: "/")
            let nameStart = closing ? index + 1 : index
            guard nameStart < bytes.count, Self.isLetter(bytes[nameStart]) else { continue }
            var cursor = nameStart
            while cursor < bytes.count, !Self.isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/") {
                cursor += 1
            }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            guard let (attributes, end) = attributes(from: cursor) else { return nil }
            index = end + 1
            if !closing, name == "script" || name == "style" {
                guard let close = find("</\(name)", from: index, caseInsensitive: true) else { return nil }
                index = close
            }
            return Tag(name: closing ? "/" + name : name, attributes: closing ? [] : attributes)
        }
        return nil
    }

    /// The attributes from `start` to the tag's `>`, and where that `>` is; `nil` when the text ends first.
    private func attributes(from start: Int) -> ([(name: String, value: String)], Int)? {
        var result: [(name: String, value: String)] = []
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") { return (result, i) }
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") { i += 1; continue }
            let nameStart = i
            while i < bytes.count, !Self.isSpace(bytes[i]), ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
            while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
            var value = ""
            if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    guard let close = find(bytes[i], from: i + 1) else { return nil }
                    value = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                    i = close + 1
                } else {
                    let valueStart = i
                    while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                }
            }
            result.append((name, value))
        }
        return nil
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
    }

    private func find(_ text: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let needle = Array(text.utf8)
        var i = start
        while i + needle.count <= bytes.count {
            if starts(with: needle, at: i, caseInsensitive: caseInsensitive) { return i }
            i += 1
        }
        return nil
    }

    private func starts(with text: String, at position: Int) -> Bool {
        starts(with: Array(text.utf8), at: position, caseInsensitive: false)
    }

    private func starts(with needle: [UInt8], at position: Int, caseInsensitive: Bool) -> Bool {
        guard position + needle.count <= bytes.count else { return false }
        for (offset, expected) in needle.enumerated() {
            var byte = bytes[position + offset]
            if caseInsensitive, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
