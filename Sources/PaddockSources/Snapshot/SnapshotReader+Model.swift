import Foundation
import PaddockCatalogue

/// How each model type is read from a binary catalogue snapshot, field for field in the order `SnapshotWriter+Model.swift` writes them.
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

extension SnapshotReader {
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
