/// The renderer's output: bytes copied into memory it owns, which grows by doubling.
///
/// A page is hundreds of small appends (text between tags, values); appending to an `[UInt8]`
/// checks uniqueness and capacity and goes through a generic copy each time, about a hundred
/// instructions per append, a fifth of all the engine's instructions on a horse page
/// (callgrind). Here an append is a capacity check and a `memcpy`.
struct OutputBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written so far (valid until the next append).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<UInt8>, count n: Int) {
        if n > capacity - count { grow(toHold: count + n) }
        (start + count).initialize(from: source, count: n)
        count += n
    }

    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress else { return }
        append(base, count: source.count)
    }

    mutating func append(_ source: [UInt8]) {
        source.withUnsafeBufferPointer { append($0) }
    }

    @inline(never)
    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: start, count: count)
        start.deallocate()
        start = grown
        capacity = newCapacity
    }

    /// Appends `string`'s UTF-8 bytes with `&`, `<`, `>` and `"` replaced by their HTML entities,
    /// exactly the characters the Mustache spec requires, in one pass over the bytes.
    @inline(__always)
    mutating func appendEscapingHTML(_ string: String) {
        // Read in place (a `var` copy to call `withUTF8` is a retain and a release per value).
        if string.utf8.withContiguousStorageIfAvailable({ appendEscapingHTML(utf8: $0) }) != nil { return }
        var copy = string
        copy.withUTF8 { appendEscapingHTML(utf8: $0) }
    }

    @inline(__always)
    private mutating func appendEscapingHTML(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var i = 0
        let count = bytes.count
        while i < count {
            // Eight bytes at a time while none of them needs escaping (most text); the eight
            // that hold a special byte, and the last few, byte by byte.
            var limit = count
            if count - i >= 8 {
                if !Self.containsHTMLSpecial(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                    i += 8
                    continue
                }
                limit = i + 8
            }
            while i < limit {
                let entity: StaticString
                switch base[i] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                default: i += 1; continue
                }
                if runStart < i { append(base + runStart, count: i - runStart) }
                append(entity.utf8Start, count: entity.utf8CodeUnitCount)
                i += 1
                runStart = i
            }
        }
        if runStart < count { append(base + runStart, count: count - runStart) }
    }

    /// Whether any of the eight bytes of `word` is `&`, `<`, `>` or `"` (exact: a byte is zero in
    /// `word ^ pattern` only where it equals the pattern's byte, and the zero-byte test has no
    /// false positives when only asked whether there is one).
    @inline(__always)
    static func containsHTMLSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return (zeroBytes(word ^ (ones &* 0x26)) | zeroBytes(word ^ (ones &* 0x3C))
            | zeroBytes(word ^ (ones &* 0x3E)) | zeroBytes(word ^ (ones &* 0x22))) != 0
    }

    /// Appends `number` as `String(number)` writes it, without making the string.
    @inline(__always)
    mutating func appendDecimal(_ number: Int) {
        guard number >= 0 else { appendRaw(String(number)); return }
        var digits = 1
        var rest = number
        while rest >= 10 { rest /= 10; digits += 1 }
        if digits > capacity - count { grow(toHold: count + digits) }
        var value = number
        var position = start + count + digits - 1
        repeat {
            position.initialize(to: UInt8(ascii: "0") + UInt8(value % 10))
            value /= 10
            position -= 1
        } while value > 0
        count += digits
    }

    @inline(__always)
    mutating func appendRaw(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        var copy = string
        copy.withUTF8 { append($0) }
    }
}
