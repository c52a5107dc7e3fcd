import Foundation
import PaddockCatalogue

/// Reads what ``SnapshotWriter`` wrote, in the same order, checking every length against the
/// bytes that are left: a damaged snapshot throws ``SnapshotError/damaged(offset:detail:)``,
/// never reads out of bounds.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Moves past `count` bytes (checked by ``readCount()``).
    mutating func skip(_ count: Int) { offset += count }

    private func damaged(_ detail: String) -> SnapshotError { .damaged(offset: offset, detail: detail) }

    mutating func readByte() throws(SnapshotError) -> UInt8 {
        guard offset < bytes.count else { throw damaged("ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt64() throws(SnapshotError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw damaged("varint too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readInt() throws(SnapshotError) -> Int {
        let raw = try readUInt64()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of things still to read, each at least one byte: never more than the bytes left.
    mutating func readCount() throws(SnapshotError) -> Int {
        let raw = try readUInt64()
        guard raw <= UInt64(bytes.count - offset) else { throw damaged("count \(raw) beyond the end") }
        return Int(raw)
    }

    mutating func readBool() throws(SnapshotError) -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let other: throw damaged("\(other) is not a presence mark")
        }
    }

    mutating func readDouble() throws(SnapshotError) -> Double {
        guard bytes.count - offset >= 8 else { throw damaged("ends early") }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func readString() throws(SnapshotError) -> String {
        let count = try readCount()
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func readStrings() throws(SnapshotError) -> [String] {
        try readArray { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.readString() }
    }

    mutating func readOptional<Value>(_ body: (inout SnapshotReader) throws(SnapshotError) -> Value) throws(SnapshotError) -> Value? {
        try readBool() ? try body(&self) : nil
    }

    mutating func readOptionalString() throws(SnapshotError) -> String? {
        try readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.readString() }
    }

    mutating func readOptionalInt() throws(SnapshotError) -> Int? {
        try readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.readInt() }
    }

    mutating func readOptionalDouble() throws(SnapshotError) -> Double? {
        try readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.readDouble() }
    }

    mutating func readArray<Element>(_ body: (inout SnapshotReader) throws(SnapshotError) -> Element) throws(SnapshotError) -> [Element] {
        let count = try readCount()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try body(&self)) }
        return elements
    }
}

/// Why a binary catalogue snapshot could not be read.
package enum SnapshotError: Error, CustomStringConvertible, Equatable {
    /// Not a snapshot of this format (wrong magic or version): `found` says what was there.
    case notASnapshot(found: String)
    /// A snapshot of another source than the one asked for (the cache: of another JSON snapshot).
    case otherSource
    /// The bytes do not hold what the format says at `offset`.
    case damaged(offset: Int, detail: String)

    package var description: String {
        switch self {
        case .notASnapshot(let found): "not a Paddock catalogue snapshot of this version (\(found))"
        case .otherSource: "a catalogue snapshot of another source"
        case .damaged(let offset, let detail): "damaged catalogue snapshot at byte \(offset): \(detail)"
        }
    }
}
