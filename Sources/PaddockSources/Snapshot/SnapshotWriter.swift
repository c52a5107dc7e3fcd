import Foundation
import PaddockCatalogue

/// Appends values to a binary catalogue snapshot: integers as LEB128 varints (signed ones
/// zig-zagged), strings as their UTF-8 length and bytes, optionals behind a presence mark.
/// ``SnapshotReader`` reads them back in the same order.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func write(_ value: Int) {
        let signed = Int64(value)
        write(UInt64(bitPattern: (signed << 1) ^ (signed >> 63)))
    }

    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ values: [String]) {
        write(UInt64(values.count))
        for value in values { write(value) }
    }

    /// A presence mark, then the value when there is one.
    mutating func write<Value>(_ value: Value?, _ body: (inout SnapshotWriter, Value) -> Void) {
        guard let value else { write(false); return }
        write(true)
        body(&self, value)
    }

    mutating func write(_ value: String?) { write(value) { $0.write($1) } }
    mutating func write(_ value: Int?) { write(value) { $0.write($1) } }
    mutating func write(_ value: Double?) { write(value) { $0.write($1) } }

    mutating func write<Element>(_ values: [Element], _ body: (inout SnapshotWriter, Element) -> Void) {
        write(UInt64(values.count))
        for value in values { body(&self, value) }
    }
}
