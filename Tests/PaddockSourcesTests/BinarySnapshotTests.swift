import Foundation
import Testing
import PaddockCatalogue
@testable import PaddockSources

/// The binary catalogue snapshot: every field survives, and damaged or foreign bytes are refused.
@Suite struct BinarySnapshotTests {
    static let source = Array("digest of the JSON".utf8)

    /// A catalogue with every field of every model type set (checked below), in unkind text.
    static let full: Catalogue = {
        let media = Media(name: "Foal 🐴 <b>", module: "gallery", url: "https://img.example/a b.jpg", miniatureURL: "https://img.example/m.jpg")
        let horse = Horse(
            id: "12345", name: "Élan {{noir}} \u{202E}gnirts", officialName: "Élan van 't Hof", nickName: "Ellie", age: -3,
            birthDate: CalendarDate(year: 2019, month: 2, day: 29), sex: "Hengst", gender: .stallion, studbook: "KWPN",
            color: "bay", height: 1.685, heightUnit: "m", breeder: "Hof \"Zuid\"", horsetelex: true,
            pedigree: Pedigree(names: ["v": "Sire", "m": "Dam", "vv": "Grand sire", "mmm": "Great-grand dam"]),
            profileURL: "https://equicty.example/h/12345", miniatureURL: "https://img.example/mini.jpg",
            pictures: [media, Media(url: "https://img.example/2.jpg")], videos: [media], level: "1.40 m",
            info: String(repeating: "Long info. ", count: 2000),
            additional: AdditionalInfo(sku: "SKU-1", breedingAssociations: ["KWPN", "Holsteiner"], semenAvailability: ["fresh", "frozen"],
                                       wffsTestResult: "N/N", semenPrice: "€ 850", salesContent: "<p>For sale</p>"),
            horsetelexHTML: "<table><tbody><tr><td>Sire</td></tr></tbody></table>")
        let animal = SaleAnimal(
            id: "9c4f6e77-104b-5361-9cd3-000000000001", reference: "BP-01", name: "Arctic", descriptor: "Het albino",
            species: Species(id: "ball-python", commonName: "Ball python", scientificName: "Python regius", pictureURL: "https://img.example/bp.jpg"),
            sex: .female, dateOfBirth: CalendarDate(year: 2024, month: 7, day: 1), dateAcquired: CalendarDate(year: 2024, month: 9, day: 15),
            maturity: "juvenile", status: "for sale", isProvenBreeder: true,
            sireGenetics: [Gene(name: "Albino", trait: "recessive"), Gene(name: "Pastel")], damGenetics: [Gene(name: "Albino", trait: "het")],
            photos: ["https://img.example/p1.jpg"], tags: ["captive bred", "eats f/t"], price: Decimal(string: "1249.95"),
            displayCurrency: "EUR", pricingNotes: "Shipping extra", buyerNotes: "Feeds on rats", breeder: "Scale & Co")
        let cow = HerdAnimal(
            organisationID: "org <1>", officialID: "AT 111 ../x", organisationName: "Hof \"Berger\"", name: "Susi 🐮",
            birthday: CalendarDate(year: 2019, month: 1, day: 10), breeds: [BreedShare(breed: "Fleckvieh", percent: 78.5)],
            lactationStatus: .dry, tags: ["for-sale"], archived: true, calvingNumber: 3, lastCalving: CalendarDate(year: 2025, month: 3, day: 1),
            reproduction: [ReproductionEvent(kind: .pregnancyResult, date: CalendarDate(year: 2024, month: 6, day: 1), pregnant: true,
                                             expectedCalving: CalendarDate(year: 2025, month: 3, day: 2), calvingNumber: 3, lateAbort: true)])
        return Catalogue(language: "nl", horses: [horse, Horse(id: "2", name: "Plain")], animals: [animal], herd: [cow],
                         fetchedAt: Date(timeIntervalSinceReferenceDate: 812_345_678))
    }()

    @Test func everyFieldOfTheModelIsInTheFixture() throws {
        // A field the fixture leaves empty would not prove the codec carries it.
        let horse = Self.full.horses[0], animal = Self.full.animals[0]
        let values: [Any] = [Self.full, horse, horse.pictures[0], horse.additional!, horse.pedigree!, horse.birthDate!,
                             animal, animal.species, animal.sireGenetics[0],
                             Self.full.herd[0], Self.full.herd[0].breeds[0], Self.full.herd[0].reproduction[0]]
        for value in values {
            for child in Mirror(reflecting: value).children {
                let mirror = Mirror(reflecting: child.value)
                let empty = (mirror.displayStyle == .optional || mirror.displayStyle == .collection || mirror.displayStyle == .dictionary)
                    && mirror.children.isEmpty
                #expect(!empty && (child.value as? Bool) != false && "\(child.value)" != "unknown",
                        "\(type(of: value)).\(child.label ?? "?") is not set in the fixture")
            }
        }
    }

    @Test func aSnapshotReadsBackAsTheSameCatalogue() throws {
        let bytes = Self.full.binarySnapshot(source: Self.source)
        let read = try bytes.withUnsafeBytes { raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) }
        #expect(read == Self.full)
        #expect(read.animals[0].price == Decimal(string: "1249.95"))
        #expect(read.fetchedAt == Self.full.fetchedAt)
        let empty = Catalogue(language: "en")
        #expect(try empty.binarySnapshot(source: []).withUnsafeBytes { raw throws(SnapshotError) in
            try Catalogue(binarySnapshot: raw, source: [])
        } == empty)
    }

    @Test func aLargeCatalogueIsReadInRunsAndKeepsItsOrder() throws {
        // More than one run of 1,024 items of each kind, read by several workers.
        let horses = (0..<2_500).map { index in
            var horse = Self.full.horses[index % 2]
            horse.id = "h\(index)"; horse.name += " \(index)"
            return horse
        }
        let animals = (0..<1_100).map { index in
            var animal = Self.full.animals[0]
            animal.id = "a\(index)"; animal.price = Decimal(index) / 4
            return animal
        }
        let large = Catalogue(language: "de", horses: horses, animals: animals, fetchedAt: Self.full.fetchedAt)
        let bytes = large.binarySnapshot(source: Self.source)
        let read = try bytes.withUnsafeBytes { raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) }
        #expect(read == large)
        #expect(read.horses.map(\.id) == horses.map(\.id))
    }

    /// Runs are read in place, on several workers: a run that stops midway, while the others read
    /// to their end, is refused with its own error and every item already placed is destroyed
    /// again (each damaged copy below carries a checksum that matches, so the items are decoded).
    @Test func aRunThatDoesNotReadIsRefusedWhileTheOthersRead() throws {
        let horses = (0..<3_000).map { index in
            var horse = Self.full.horses[index % 2]
            horse.id = "h\(index)"; horse.name += " \(index)"
            return horse
        }
        let large = Catalogue(language: "de", horses: horses, animals: Self.full.animals)
        let bytes = large.binarySnapshot(source: Self.source)
        let payloadStart = Self.payloadOffset(bytes), payloadEnd = bytes.count - 8
        var decodedDamage = 0
        for position in stride(from: payloadStart, to: payloadEnd, by: (payloadEnd - payloadStart) / 40) {
            var damaged = bytes
            damaged[position] ^= 0x5A
            let checksum = SnapshotChecksum.of(damaged[payloadStart..<payloadEnd])
            for index in 0..<8 { damaged[payloadEnd + index] = UInt8(truncatingIfNeeded: checksum >> UInt64(8 * index)) }
            do {
                let read = try damaged.withUnsafeBytes { raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) }
                // A flipped byte inside a text can still read: then only that text differs.
                #expect(read.horses.count == large.horses.count)
            } catch {
                if case SnapshotError.damaged(_, let detail) = error { #expect(detail != "checksum mismatch") }
                decodedDamage += 1
            }
        }
        #expect(decodedDamage > 0)
        // The intact bytes still read after all that.
        let read = try bytes.withUnsafeBytes { raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) }
        #expect(read == large)
    }

    /// A damaged snapshot that claims runs of no items (arrays of no capacity) with bytes in them
    /// is refused with the runs' own error; its checksum matches, so the runs are read.
    @Test func runsOfNoItemsAreRefusedWithTheirError() {
        var writer = SnapshotWriter(reservingCapacity: 256)
        BinarySnapshotLayout.writeHeader(source: Self.source, to: &writer)
        let payloadStart = writer.bytes.count
        writer.write("nl")
        writer.write(Optional<Double>.none)
        for _ in 0..<2 {   // horses, then animals: one run each, of no items but eight bytes
            writer.write(UInt64(1)); writer.write(UInt64(0)); writer.write(UInt64(8))
            writer.append(Array(repeating: 7, count: 8))
        }
        var bytes = writer.bytes
        let checksum = SnapshotChecksum.of(bytes[payloadStart...])
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: checksum >> UInt64(shift))) }
        #expect(throws: SnapshotError.self) {
            try bytes.withUnsafeBytes { raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) }
        }
    }

    /// Where the payload starts: after the header (magic, version, schema, source tag).
    static func payloadOffset(_ bytes: [UInt8]) -> Int {
        var writer = SnapshotWriter(reservingCapacity: 64)
        BinarySnapshotLayout.writeHeader(source: source, to: &writer)
        return writer.bytes.count
    }

    @Test func aSnapshotOfAnotherSourceOrFormatIsRefused() {
        let bytes = Self.full.binarySnapshot(source: Self.source)
        #expect(throws: SnapshotError.otherSource) {
            try bytes.withUnsafeBytes { raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Array("another".utf8)) }
        }
        var json = Array(#"{"language":"en","horses":[],"animals":[]}"#.utf8)
        #expect(throws: SnapshotError.self) {
            try json.withUnsafeBytes { raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) }
        }
        // The format version follows the magic.
        json = bytes
        json[BinarySnapshotLayout.magic.count] = UInt8(BinarySnapshotLayout.version + 1)
        #expect(throws: SnapshotError.notASnapshot(found: "format version \(BinarySnapshotLayout.version + 1), this binary reads \(BinarySnapshotLayout.version)")) {
            try json.withUnsafeBytes { raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) }
        }
    }

    @Test func everyTruncationAndEveryFlippedByteIsRefused() {
        let bytes = Catalogue(language: "nl", horses: [Self.full.horses[0]], animals: Self.full.animals)
            .binarySnapshot(source: Self.source)
        var refused = 0, tried = 0
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            tried += 1
            if (try? Array(bytes[..<length]).withUnsafeBytes({ raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) })) == nil {
                refused += 1
            }
        }
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            var damaged = bytes
            damaged[position] ^= 0x5A
            tried += 1
            if (try? damaged.withUnsafeBytes({ raw throws(SnapshotError) in try Catalogue(binarySnapshot: raw, source: Self.source) })) == nil {
                refused += 1
            }
        }
        #expect(tried > 700)
        #expect(refused == tried)
    }

    @Test func theSchemaSignatureNamesEveryFieldAndItsType() {
        struct Before { var name: String; var age: Int? }
        struct Retyped { var name: String; var age: Double? }
        struct Added { var name: String; var age: Int?; var colour: String? }
        let before = BinarySnapshotLayout.signature(of: [Before(name: "", age: nil)])
        #expect(before == "Before{name:String,age:Optional<Int>}")
        #expect(BinarySnapshotLayout.signature(of: [Retyped(name: "", age: nil)]) != before.replacingOccurrences(of: "Before", with: "Retyped"))
        #expect(BinarySnapshotLayout.signature(of: [Added(name: "", age: nil, colour: nil)]).hasSuffix(",colour:Optional<String>}"))
        #expect(BinarySnapshotLayout.signature(of: [Horse(id: "", name: "")]).contains("horsetelexHTML:Optional<String>"))
    }
}
