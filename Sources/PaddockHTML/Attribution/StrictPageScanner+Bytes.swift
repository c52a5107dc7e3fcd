import Foundation

/// Byte-level helpers of the scanner.
extension StrictPageScanner {
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    func isNameByte(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// What the scan knows of the element named by the bytes at `range`: names of up to 8 bytes
    /// are looked up as one packed integer, without making a String.
    func tagInfo(_ range: Range<Int>) -> StrictPageScan.TagInfo {
        let plain = StrictPageScan.TagInfo(tag: .other, rules: [])
        guard range.count <= 8 else { return StrictPageScan.tags[lowercasedName(range)] ?? plain }
        var key: UInt64 = 0
        for index in range { key = key << 8 | UInt64(asciiLowercase(bytes[index])) }
        return StrictPageScan.tagsByKey[key] ?? plain
    }

    func lowercasedName(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (offset, index) in range.enumerated() {
                let byte = bytes[index]
                buffer[offset] = asciiLowercase(byte)
            }
            return range.count
        }
    }

    func equalIgnoringCase(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where asciiLowercase(bytes[a.lowerBound + offset]) != asciiLowercase(bytes[b.lowerBound + offset]) { return false }
        return true
    }

    /// `range` equals `lower` (a lower-case ASCII name), ignoring case.
    func equalIgnoringCase(_ range: Range<Int>, _ lower: [UInt8]) -> Bool {
        guard range.count == lower.count else { return false }
        for offset in 0..<lower.count where asciiLowercase(bytes[range.lowerBound + offset]) != lower[offset] { return false }
        return true
    }

    func matches(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return memcmp(bytes.baseAddress! + index, text.utf8Start, count) == 0
    }

    func matchesCaseInsensitive(_ lower: StaticString, at index: Int) -> Bool {
        let count = lower.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count {
            let byte = bytes[index + offset]
            if asciiLowercase(byte) != lower.utf8Start[offset] { return false }
        }
        return true
    }

    func find(_ text: StaticString, from start: Int, before limit: Int? = nil) -> Int? {
        let end = limit ?? bytes.count
        return text.withUTF8Buffer { ByteSearch.firstIndex(of: $0, in: UnsafeBufferPointer(rebasing: bytes[..<end]), from: start) }
    }

    /// Where `</name` (the element name at `name`, any case) followed by white space, `/` or `>`
    /// starts, from `start`.
    func findEndTag(_ name: Range<Int>, from start: Int) -> Int? {
        var index = start
        while let hit = find("</", from: index) {
            let nameStart = hit + 2
            if nameStart + name.count < bytes.count, equalIgnoringCase(nameStart..<nameStart + name.count, name) {
                let after = bytes[nameStart + name.count]
                if isSpace(after) || after == UInt8(ascii: ">") || after == UInt8(ascii: "/") { return hit }
            }
            index = hit + 2
        }
        return nil
    }
}
