import Foundation
import PaddockCatalogue

/// A binary form of ``Catalogue``, many times quicker to read than its JSON: the cache keeps one
/// beside each JSON snapshot it writes (the JSON stays the readable copy).
///
/// Layout: the magic `PADDOCK-CATALOGUE`, the format's version, a digest of the model's shape
/// (``BinarySnapshotLayout/schema``: every stored property's name and type, so a changed model
/// never reads an older snapshot), the caller's `source` tag (the cache gives the digest of the
/// JSON it mirrors), the payload, and a checksum of the payload.
extension Catalogue {
    /// The catalogue as a binary snapshot tagged with `source`.
    package func binarySnapshot(source: [UInt8]) -> [UInt8] {
        var writer = SnapshotWriter(reservingCapacity: 1 << 20)
        BinarySnapshotLayout.writeHeader(source: source, to: &writer)
        let payloadStart = writer.bytes.count
        writer.write(language)
        writer.write(fetchedAt?.timeIntervalSinceReferenceDate)
        writer.writeRuns(horses) { $0.write($1) }
        writer.writeRuns(animals) { $0.write($1) }
        writer.write(Self.herdJSON(herd))
        var bytes = writer.bytes
        let checksum = SnapshotChecksum.of(bytes[payloadStart...])
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: checksum >> UInt64(shift))) }
        return bytes
    }

    /// Reads a binary snapshot written by ``binarySnapshot(source:)``.
    /// - Throws: ``SnapshotError/notASnapshot(found:)`` when the bytes are of another format,
    ///   version or model, ``SnapshotError/otherSource`` when they were tagged with another
    ///   `source`, ``SnapshotError/damaged(offset:detail:)`` when they do not read.
    package init(binarySnapshot bytes: UnsafeRawBufferPointer, source: [UInt8]) throws(SnapshotError) {
        var reader = SnapshotReader(bytes)
        try BinarySnapshotLayout.readHeader(source: source, from: &reader)
        let payloadStart = reader.offset
        guard bytes.count - payloadStart >= 8 else { throw .damaged(offset: payloadStart, detail: "no checksum") }
        let payloadEnd = bytes.count - 8
        var stored: UInt64 = 0
        for index in 0..<8 { stored |= UInt64(bytes[payloadEnd + index]) << UInt64(8 * index) }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<payloadEnd])
        let mismatch = SnapshotError.damaged(offset: payloadStart, detail: "checksum mismatch")
        // The checksum is worked out while the items are read, on a core of its own. Every read is
        // bounded by the payload, so damaged bytes throw, or read as items that are dropped when
        // the checksum does not match; a damaged payload is reported as such, as it always was.
        let read: (horses: [Horse], animals: [SaleAnimal], checksum: UInt64)
        let language: String, fetchedAt: Date?, herd: [HerdAnimal]
        do throws(SnapshotError) {
            reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: bytes[..<payloadEnd]), offset: payloadStart)
            language = try reader.readString()
            fetchedAt = try reader.readOptionalDouble().map(Date.init(timeIntervalSinceReferenceDate:))
            let horseRuns = try reader.readRuns(), animalRuns = try reader.readRuns()
            herd = try Self.herd(fromJSON: reader.readString(), offset: reader.offset)
            guard reader.isAtEnd else { throw .damaged(offset: reader.offset, detail: "bytes after the catalogue") }
            read = try SnapshotRuns.read(horses: horseRuns, animals: animalRuns,
                                         in: UnsafeRawBufferPointer(rebasing: bytes[..<payloadEnd]), checksummed: payload)
        } catch {
            throw SnapshotChecksum.of(payload) == stored ? error : mismatch
        }
        guard read.checksum == stored else { throw mismatch }
        self.init(language: language, horses: read.horses, animals: read.animals, herd: herd, fetchedAt: fetchedAt)
    }

    /// The herd is a few hundred animals at most: kept as JSON text inside the snapshot, read on
    /// the calling thread (the runs of horses and animals are what needs the binary codec's speed).
    private static func herdJSON(_ herd: [HerdAnimal]) -> String {
        guard !herd.isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(herd)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private static func herd(fromJSON text: String, offset: Int) throws(SnapshotError) -> [HerdAnimal] {
        guard !text.isEmpty else { return [] }
        do { return try JSONDecoder().decode([HerdAnimal].self, from: Data(text.utf8)) } catch {
            throw .damaged(offset: offset, detail: "unreadable herd")
        }
    }
}
