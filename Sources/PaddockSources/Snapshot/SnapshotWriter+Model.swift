import Foundation
import PaddockCatalogue

/// How each model type is written into a binary catalogue snapshot (read back by `SnapshotReader+Model.swift`, field for field in the same order).
extension SnapshotWriter {
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

extension SnapshotWriter {
    /// A `Decimal` as its exact text (`description`), read back without a locale.
    mutating func write(_ decimal: Decimal) { write(decimal.description) }
}
