import Foundation

/// Plain byte-string search (the generic `firstRange(of:)` and Foundation's `range(of:)` are slow in hot loops).
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { firstIndex(of: $0, in: haystack, from: 0) != nil }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { contains($0, needle) }
    }

    /// Where `needle` first occurs in `haystack` at or after `start`: memchr for the first byte,
    /// memcmp for the rest (memmem is a GNU extension Glibc does not export).
    static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first else { return start }
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress, haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var index = start
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }
}
