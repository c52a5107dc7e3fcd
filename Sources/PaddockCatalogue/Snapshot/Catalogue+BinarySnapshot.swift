import Foundation

/// A binary form of ``Catalogue``, many times quicker to read than its JSON: the cache keeps one
/// beside each JSON snapshot it writes (the JSON stays the readable copy).
///
/// Layout: the magic `PADDOCK-CATALOGUE`, the format's version, a digest of the model's shape
/// (``BinarySnapshotLayout/schema``: every stored property's name and type, so a changed model
/// never reads an older snapshot), the caller's `source` tag (the cache gives the digest of the
/// JSON it mirrors), the payload, and a checksum of the payload.
extension Catalogue {
    /// The catalogue as a binary snapshot tagged with `source`.
    public func binarySnapshot(source: [UInt8]) -> [UInt8] {
        var writer = SnapshotWriter(reservingCapacity: 1 << 20)
        BinarySnapshotLayout.writeHeader(source: source, to: &writer)
        let payloadStart = writer.bytes.count
        writer.write(language)
        writer.write(fetchedAt?.timeIntervalSinceReferenceDate)
        writer.writeRuns(horses) { $0.write($1) }
        writer.writeRuns(animals) { $0.write($1) }
        var bytes = writer.bytes
        let checksum = SnapshotChecksum.of(bytes[payloadStart...])
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: checksum >> UInt64(shift))) }
        return bytes
    }

    /// Reads a binary snapshot written by ``binarySnapshot(source:)``.
    /// - Throws: ``SnapshotError/notASnapshot(found:)`` when the bytes are of another format,
    ///   version or model, ``SnapshotError/otherSource`` when they were tagged with another
    ///   `source`, ``SnapshotError/damaged(offset:detail:)`` when they do not read.
    public init(binarySnapshot bytes: UnsafeRawBufferPointer, source: [UInt8]) throws(SnapshotError) {
        var reader = SnapshotReader(bytes)
        try BinarySnapshotLayout.readHeader(source: source, from: &reader)
        let payloadStart = reader.offset
        guard bytes.count - payloadStart >= 8 else { throw .damaged(offset: payloadStart, detail: "no checksum") }
        let payloadEnd = bytes.count - 8
        var stored: UInt64 = 0
        for index in 0..<8 { stored |= UInt64(bytes[payloadEnd + index]) << UInt64(8 * index) }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<payloadEnd])
        // The checksum is worked out while the items are read (on a core of its own: it was the
        // slowest single step of reading). Every read is bounded by the payload, so damaged bytes
        // throw or read as items that are then dropped when the checksum does not match.
        let checksum = ChecksumSlot()
        let run: () throws(SnapshotError) -> (horses: [Horse], animals: [SaleAnimal], language: String, fetchedAt: Date?) = { () throws(SnapshotError) in
            var reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: bytes[..<payloadEnd]), offset: payloadStart)
            let language = try reader.readString()
            let fetchedAt = try reader.readOptionalDouble().map(Date.init(timeIntervalSinceReferenceDate:))
            let horseRuns = try reader.readRuns(), animalRuns = try reader.readRuns()
            guard reader.isAtEnd else { throw .damaged(offset: reader.offset, detail: "bytes after the catalogue") }
            let shared = UnsafeSendableChecksumInput(payload)
            let items = try SnapshotRuns.read(horses: horseRuns, animals: animalRuns,
                                              in: UnsafeRawBufferPointer(rebasing: bytes[..<payloadEnd]),
                                              alongside: { checksum.set(SnapshotChecksum.of(shared.bytes)) })
            return (items.horses, items.animals, language, fetchedAt)
        }
        let result = Result { () throws(SnapshotError) in try run() }
        // A run that threw before reading the items has not worked the checksum out.
        guard (checksum.value ?? SnapshotChecksum.of(payload)) == stored else {
            throw .damaged(offset: payloadStart, detail: "checksum mismatch")
        }
        let read = try result.get()
        (horses, animals, language, fetchedAt) = (read.horses, read.animals, read.language, read.fetchedAt)
    }
}

/// The checksum the worker beside the item readers works out.
private final class ChecksumSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: UInt64?
    func set(_ value: UInt64) { lock.withLock { stored = value } }
    var value: UInt64? { lock.withLock { stored } }
}

/// The payload, only read, shared with the checksum's worker while `init` waits for it.
private struct UnsafeSendableChecksumInput: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}
