extension Array where Element == UInt8 {
    /// Appends `string`'s UTF-8 bytes with `&`, `<`, `>` and `"` replaced by their HTML entities,
    /// exactly the characters the Mustache spec requires, in one pass over the bytes.
    @inline(__always)
    mutating func appendEscapingHTML(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            let count = bytes.count
            while i < count {
                let entity: StaticString
                switch bytes[i] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                default: i += 1; continue
                }
                if runStart < i { append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                i += 1
                runStart = i
            }
            if runStart < count { append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        }
    }

    /// Appends `number` as `String(number)` writes it, without making the string.
    @inline(__always)
    mutating func appendDecimal(_ number: Int) {
        guard number >= 0 else { appendRaw(String(number)); return }
        var digits = 1
        var rest = number
        while rest >= 10 { rest /= 10; digits += 1 }
        let start = count
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var value = number
        var position = start + digits - 1
        repeat {
            self[position] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
            position -= 1
        } while value > 0
    }

    @inline(__always)
    mutating func appendRaw(_ string: String) {
        var string = string
        string.withUTF8 { append(contentsOf: $0) }
    }
}
