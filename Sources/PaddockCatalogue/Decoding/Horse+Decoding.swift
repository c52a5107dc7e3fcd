import Foundation

extension Horse {
    /// Decodes an Equicty list answer (`POST /public/web/horses`): an array, bare or in `{"data": …}`.
    ///
    /// An entry that is not a horse (no `id`) is skipped and named in ``DecodedList/skipped``.
    /// - Throws: ``CatalogueDecodingError/serviceError(message:)`` for the error frame,
    ///   ``CatalogueDecodingError/malformed(detail:)`` for anything that is not a list.
    package static func equictyList(from data: Data) throws -> DecodedList<Horse> {
        let entries = try APIBody.decode([Lenient<EquictyHorseRecord>].self, from: data)
        var list = DecodedList<Horse>()
        for (index, entry) in entries.enumerated() {
            if let record = entry.value {
                list.items.append(record.horse)
            } else {
                list.skipped.append("entry \(index): \(entry.failure ?? "unreadable")")
            }
        }
        return list
    }

    /// Decodes an Equicty details answer (`GET /public/web/horses/{id}`), bare or in `{"data": …}`.
    /// - Throws: ``CatalogueDecodingError`` for the error frame or a body that is not one horse.
    package init(equictyDetails data: Data) throws {
        self = try APIBody.decode(EquictyHorseRecord.self, from: data).horse
    }

    /// Fills what only the details answer has (pictures, videos, level, info, additional info) and
    /// prefers the details' values, keeping the list's where the details left a field out.
    package func merging(details: Horse) -> Horse {
        var merged = details
        merged.officialName = details.officialName ?? officialName
        merged.nickName = details.nickName ?? nickName
        merged.age = details.age ?? age
        merged.birthDate = details.birthDate ?? birthDate
        merged.sex = details.sex ?? sex
        merged.gender = details.gender == .unknown ? gender : details.gender
        merged.studbook = details.studbook ?? studbook
        merged.color = details.color ?? color
        merged.height = details.height ?? height
        merged.heightUnit = details.heightUnit ?? heightUnit
        merged.breeder = details.breeder ?? breeder
        merged.horsetelex = details.horsetelex || horsetelex
        merged.pedigree = details.pedigree ?? pedigree
        merged.profileURL = details.profileURL ?? profileURL
        merged.miniatureURL = details.miniatureURL ?? miniatureURL
        merged.additional = details.additional ?? additional
        merged.horsetelexHTML = details.horsetelexHTML ?? horsetelexHTML
        return merged
    }
}

/// Items decoded from a list answer, and the entries that had to be skipped (with the reason).
package struct DecodedList<Item: Sendable>: Sendable {
    package var items: [Item]
    /// One line per skipped entry: its index and why.
    package var skipped: [String]

    package init(items: [Item] = [], skipped: [String] = []) {
        self.items = items
        self.skipped = skipped
    }
}
