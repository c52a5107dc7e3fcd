import Foundation
import PaddockCatalogue

/// The header of a binary catalogue snapshot (see ``Catalogue/binarySnapshot(source:)``).
enum BinarySnapshotLayout {
    static let magic = Array("PADDOCK-CATALOGUE".utf8)
    /// Raise when the codec changes while the model does not (the schema digest covers the model).
    static let version: UInt64 = 2

    /// Every stored property of the model types, by name and type, in declaration order: a field
    /// added, removed, renamed or retyped gives another digest, so a snapshot of an older model
    /// is never read as this one.
    static let schema: UInt64 = {
        let samples: [Any] = [
            Catalogue(language: ""), Horse(id: "", name: ""), Media(url: ""), AdditionalInfo(), Pedigree(),
            CalendarDate(year: 0, month: 0, day: 0),
            SaleAnimal(id: "", species: Species(id: "", commonName: "")), Species(id: "", commonName: ""), Gene(name: ""),
            HerdAnimal(organisationID: "", officialID: ""), BreedShare(breed: ""),
            ReproductionEvent(kind: .calving, date: CalendarDate(year: 0, month: 0, day: 0)),
        ]
        return SnapshotChecksum.of(Array(signature(of: samples).utf8)[...])
    }()

    /// Each sample's type and its stored properties' names and types.
    static func signature(of samples: [Any]) -> String {
        samples.map { sample in
            "\(type(of: sample)){" + Mirror(reflecting: sample).children
                .map { "\($0.label ?? "_"):\(type(of: $0.value))" }.joined(separator: ",") + "}"
        }.joined(separator: ";")
    }

    static func writeHeader(source: [UInt8], to writer: inout SnapshotWriter) {
        writer.append(magic)
        writer.write(version)
        writer.write(schema)
        writer.write(UInt64(source.count))
        writer.append(source)
    }

    static func readHeader(source: [UInt8], from reader: inout SnapshotReader) throws(SnapshotError) {
        var found: [UInt8] = []
        for _ in magic {
            guard let byte = try? reader.readByte() else { break }
            found.append(byte)
        }
        guard found == magic else { throw .notASnapshot(found: "no \(String(decoding: magic, as: UTF8.self)) magic") }
        let version = try reader.readUInt64()
        guard version == Self.version else { throw .notASnapshot(found: "format version \(version), this binary reads \(Self.version)") }
        guard try reader.readUInt64() == schema else { throw .notASnapshot(found: "written for another catalogue model") }
        let count = try reader.readCount()
        var tag: [UInt8] = []
        for _ in 0..<count { tag.append(try reader.readByte()) }
        guard tag == source else { throw .otherSource }
    }
}

/// A quick 64-bit checksum (eight bytes a step, multiply and rotate): it tells a damaged or
/// truncated snapshot from a whole one; it is no defence against deliberate edits.
enum SnapshotChecksum {
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count { tail |= UInt64(bytes[index]) << shift; shift += 8; index += 1 }
        return mix(mix(hash ^ tail) ^ 0xFF51_AFD7_ED55_8CCD)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0xBF58_476D_1CE4_E5B9
        return (product << 31 | product >> 33) &* 0x94D0_49BB_1331_11EB
    }
}
