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
        guard SnapshotChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[payloadStart..<payloadEnd])) == stored else {
            throw .damaged(offset: payloadStart, detail: "checksum mismatch")
        }
        reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: bytes[..<payloadEnd]), offset: payloadStart)
        language = try reader.readString()
        fetchedAt = try reader.readOptionalDouble().map(Date.init(timeIntervalSinceReferenceDate:))
        let horseRuns = try reader.readRuns(), animalRuns = try reader.readRuns()
        guard reader.isAtEnd else { throw .damaged(offset: reader.offset, detail: "bytes after the catalogue") }
        // Every run of items is read on its own core.
        let runs = horseRuns + animalRuns
        let decoded = SnapshotRunResults(count: runs.count)
        let payload = UnsafeSendableRawBuffer(UnsafeRawBufferPointer(rebasing: bytes[..<payloadEnd]))
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            var runReader = SnapshotReader(payload.bytes, offset: runs[index].range.lowerBound)
            let count = runs[index].count
            decoded.set(index, Result { () throws(SnapshotError) -> SnapshotRun in
                if index < horseRuns.count {
                    return .horses(try runReader.readItems(count, upTo: runs[index].range.upperBound) { (reader: inout SnapshotReader) throws(SnapshotError) in try Horse(from: &reader) })
                }
                return .animals(try runReader.readItems(count, upTo: runs[index].range.upperBound) { (reader: inout SnapshotReader) throws(SnapshotError) in try SaleAnimal(from: &reader) })
            })
        }
        horses = []; animals = []
        horses.reserveCapacity(horseRuns.reduce(0) { $0 + $1.count })
        animals.reserveCapacity(animalRuns.reduce(0) { $0 + $1.count })
        for result in decoded.take() {
            switch try result.get() {
            case .horses(let items): horses += items
            case .animals(let items): animals += items
            }
        }
    }
}

/// The items of one run, read by one worker.
private enum SnapshotRun: Sendable {
    case horses([Horse])
    case animals([SaleAnimal])
}

/// The snapshot's bytes, only read, shared with the workers while `init` waits for them.
private struct UnsafeSendableRawBuffer: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// One slot per run, each set once by the worker that read it.
private final class SnapshotRunResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<SnapshotRun, SnapshotError>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<SnapshotRun, SnapshotError>) { lock.withLock { results[index] = result } }
    func take() -> [Result<SnapshotRun, SnapshotError>] { lock.withLock { results.map { $0! } } }
}

extension SnapshotWriter {
    /// Items in runs of `runLength`: the number of runs, then each run's item count, byte length
    /// and items, so a reader can hand every run to its own worker.
    mutating func writeRuns<Element>(_ items: [Element], runLength: Int = 1024, _ body: (inout SnapshotWriter, Element) -> Void) {
        let runs = stride(from: 0, to: items.count, by: runLength).map { $0..<min($0 + runLength, items.count) }
        write(UInt64(runs.count))
        for run in runs {
            var part = SnapshotWriter()
            for item in items[run] { body(&part, item) }
            write(UInt64(run.count))
            write(UInt64(part.bytes.count))
            append(part.bytes)
        }
    }

    mutating func write(_ horse: Horse) {
        write(horse.id); write(horse.name); write(horse.officialName); write(horse.nickName); write(horse.age)
        write(horse.birthDate) { $0.write($1) }
        write(horse.sex); write(horse.gender.rawValue); write(horse.studbook); write(horse.color)
        write(horse.height); write(horse.heightUnit); write(horse.breeder); write(horse.horsetelex)
        write(horse.pedigree) { writer, pedigree in
            writer.write(pedigree.names.sorted { $0.key < $1.key }) { $0.write($1.key); $0.write($1.value) }
        }
        write(horse.profileURL); write(horse.miniatureURL)
        write(horse.pictures) { $0.write($1) }
        write(horse.videos) { $0.write($1) }
        write(horse.level); write(horse.info)
        write(horse.additional) { writer, info in
            writer.write(info.sku); writer.write(info.breedingAssociations); writer.write(info.semenAvailability)
            writer.write(info.wffsTestResult); writer.write(info.semenPrice); writer.write(info.salesContent)
        }
        write(horse.horsetelexHTML)
    }

    mutating func write(_ media: Media) {
        write(media.name); write(media.module); write(media.url); write(media.miniatureURL)
    }

    mutating func write(_ date: CalendarDate) { write(date.year); write(date.month); write(date.day) }

    mutating func write(_ animal: SaleAnimal) {
        write(animal.id); write(animal.reference); write(animal.name); write(animal.descriptor)
        write(animal.species.id); write(animal.species.commonName); write(animal.species.scientificName)
        write(animal.species.pictureURL)
        write(animal.sex.rawValue)
        write(animal.dateOfBirth) { $0.write($1) }
        write(animal.dateAcquired) { $0.write($1) }
        write(animal.maturity); write(animal.status); write(animal.isProvenBreeder)
        write(animal.sireGenetics) { $0.write($1.name); $0.write($1.trait) }
        write(animal.damGenetics) { $0.write($1.name); $0.write($1.trait) }
        write(animal.photos); write(animal.tags)
        write(animal.price) { $0.write($1) }
        write(animal.displayCurrency); write(animal.pricingNotes); write(animal.buyerNotes); write(animal.breeder)
    }
}

extension Horse {
    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let id = try reader.readString(), name = try reader.readString()
        self.init(id: id, name: name)
        officialName = try reader.readOptionalString(); nickName = try reader.readOptionalString()
        age = try reader.readOptionalInt()
        birthDate = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in try CalendarDate(from: &reader) }
        sex = try reader.readOptionalString()
        gender = try reader.readEnum(HorseGender.self)
        studbook = try reader.readOptionalString(); color = try reader.readOptionalString()
        height = try reader.readOptionalDouble(); heightUnit = try reader.readOptionalString()
        breeder = try reader.readOptionalString(); horsetelex = try reader.readBool()
        pedigree = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in
            let pairs = try reader.readArray { (reader: inout SnapshotReader) throws(SnapshotError) in (try reader.readString(), try reader.readString()) }
            var pedigree = Pedigree()
            pedigree.names = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
            return pedigree
        }
        profileURL = try reader.readOptionalString(); miniatureURL = try reader.readOptionalString()
        pictures = try reader.readArray { (reader: inout SnapshotReader) throws(SnapshotError) in try Media(from: &reader) }
        videos = try reader.readArray { (reader: inout SnapshotReader) throws(SnapshotError) in try Media(from: &reader) }
        level = try reader.readOptionalString(); info = try reader.readOptionalString()
        additional = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in
            AdditionalInfo(sku: try reader.readOptionalString(), breedingAssociations: try reader.readStrings(),
                           semenAvailability: try reader.readStrings(), wffsTestResult: try reader.readOptionalString(),
                           semenPrice: try reader.readOptionalString(), salesContent: try reader.readOptionalString())
        }
        horsetelexHTML = try reader.readOptionalString()
    }
}

extension Media {
    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let name = try reader.readOptionalString(), module = try reader.readOptionalString()
        let url = try reader.readString()
        self.init(name: name, module: module, url: url, miniatureURL: try reader.readOptionalString())
    }
}

extension CalendarDate {
    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let year = try reader.readInt(), month = try reader.readInt()
        self.init(year: year, month: month, day: try reader.readInt())
    }
}

extension SaleAnimal {
    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let id = try reader.readString()
        let reference = try reader.readOptionalString(), name = try reader.readOptionalString()
        let descriptor = try reader.readOptionalString()
        let speciesID = try reader.readString(), commonName = try reader.readString()
        let scientificName = try reader.readOptionalString(), pictureURL = try reader.readOptionalString()
        self.init(id: id, reference: reference, name: name, descriptor: descriptor,
                  species: Species(id: speciesID, commonName: commonName, scientificName: scientificName, pictureURL: pictureURL))
        sex = try reader.readEnum(AnimalSex.self)
        dateOfBirth = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in try CalendarDate(from: &reader) }
        dateAcquired = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in try CalendarDate(from: &reader) }
        maturity = try reader.readOptionalString(); status = try reader.readOptionalString()
        isProvenBreeder = try reader.readBool()
        sireGenetics = try reader.readArray { (reader: inout SnapshotReader) throws(SnapshotError) in try Gene(from: &reader) }
        damGenetics = try reader.readArray { (reader: inout SnapshotReader) throws(SnapshotError) in try Gene(from: &reader) }
        photos = try reader.readStrings(); tags = try reader.readStrings()
        price = try reader.readOptional { (reader: inout SnapshotReader) throws(SnapshotError) in try reader.readDecimal() }
        displayCurrency = try reader.readOptionalString(); pricingNotes = try reader.readOptionalString()
        buyerNotes = try reader.readOptionalString(); breeder = try reader.readOptionalString()
    }
}

extension Gene {
    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let name = try reader.readString()
        self.init(name: name, trait: try reader.readOptionalString())
    }
}

extension SnapshotWriter {
    /// A `Decimal` as its exact text (`description`), read back without a locale.
    mutating func write(_ decimal: Decimal) { write(decimal.description) }
}

extension SnapshotReader {
    /// The runs ``SnapshotWriter/writeRuns(_:runLength:_:)`` wrote: where each one's items are and
    /// how many (read later, by ``readItems(_:upTo:_:)``).
    mutating func readRuns() throws(SnapshotError) -> [(range: Range<Int>, count: Int)] {
        let runCount = try readCount()
        var runs: [(range: Range<Int>, count: Int)] = []
        for _ in 0..<runCount {
            let count = try readUInt64()
            let length = try readCount()
            guard count <= UInt64(length) else { throw .damaged(offset: offset, detail: "\(count) items in \(length) bytes") }
            runs.append((offset..<(offset + length), Int(count)))
            skip(length)
        }
        return runs
    }

    /// `count` items that must end exactly at `end`.
    mutating func readItems<Element>(_ count: Int, upTo end: Int, _ body: (inout SnapshotReader) throws(SnapshotError) -> Element) throws(SnapshotError) -> [Element] {
        var items: [Element] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try body(&self)) }
        guard offset == end else { throw .damaged(offset: offset, detail: "a run does not end where its length says") }
        return items
    }

    mutating func readDecimal() throws(SnapshotError) -> Decimal {
        let start = offset
        let text = try readString()
        guard let decimal = Decimal(string: text) else { throw .damaged(offset: start, detail: "\"\(text)\" is not a decimal number") }
        return decimal
    }

    mutating func readEnum<Value: RawRepresentable>(_ type: Value.Type) throws(SnapshotError) -> Value where Value.RawValue == String {
        let start = offset
        let raw = try readString()
        guard let value = Value(rawValue: raw) else { throw .damaged(offset: start, detail: "\"\(raw)\" is not a \(Value.self)") }
        return value
    }
}
