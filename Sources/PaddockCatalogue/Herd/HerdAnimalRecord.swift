import Foundation

/// One animal as `GET /v2/integration/organisations/{id}/animals` sends it. Only what a farm
/// publishes is read; `sensor`, `current_device_id`, `group_id`, `location`, `mark`, `_id` and
/// `display_name` are never decoded.
struct HerdAnimalRecord: Decodable {
    var animal: HerdAnimal

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let officialID = c.lenientString("official_id") else {
            throw CatalogueDecodingError.malformed(detail: "an animal has no \"official_id\"")
        }
        let organisation = c.lenientString("organisation_id") ?? ""
        animal = HerdAnimal(
            organisationID: organisation, officialID: officialID,
            name: c.lenientString("name"),
            birthday: c.lenientString("birthday").flatMap { SmaxtecTime($0)?.date ?? CalendarDate(apiText: $0) },
            breeds: Self.breeds(c),
            lactationStatus: LactationStatus(smaxtec: c.lenientString("lactation_status")),
            tags: c.lenientStrings("tags"),
            archived: c.lenientBool("archived") ?? false
        )
    }

    /// `mixed_race` when it names breeds (whatever `race` says), else `race` as one breed at 100 %.
    /// A share without a readable percentage keeps its breed; shares of one breed are added up.
    static func breeds(_ c: KeyedDecodingContainer<AnyCodingKey>) -> [BreedShare] {
        var shares: [BreedShare] = []
        for part in c.lenientArray(MixedRaceRecord.self, "mixed_race") {
            guard let breed = BreedNames.properName(part.race) else { continue }
            if let index = shares.firstIndex(where: { $0.breed == breed }) {
                if let percent = part.percent { shares[index].percent = (shares[index].percent ?? 0) + percent }
            } else {
                shares.append(BreedShare(breed: breed, percent: part.percent))
            }
        }
        if !shares.isEmpty { return shares }
        guard let race = c.lenientString("race"), let breed = BreedNames.properName(race) else { return [] }
        return [BreedShare(breed: breed, percent: 100)]
    }
}

/// One element of `mixed_race`: `{"race": "ANGLER", "percent": 22}` (the percentage may be a string).
struct MixedRaceRecord: Decodable {
    var race: String
    var percent: Double?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let race = c.lenientString("race", "breed", "name") else {
            throw CatalogueDecodingError.malformed(detail: "a mixed_race share has no race")
        }
        self.race = race
        let percent = c.lenientDouble("percent", "percentage", "share")
        self.percent = percent.flatMap { $0 >= 0 && $0.isFinite ? $0 : nil }
    }
}

extension LactationStatus {
    /// `Young_Cow`, `Lactating_Cow`, `Dry_Cow` in any case and with spaces or hyphens; anything
    /// else (or nothing) is ``unknown``.
    init(smaxtec text: String?) {
        let words = (text ?? "").lowercased().split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" })
        switch words.first {
        case "young", "heifer": self = .youngCow
        case "lactating", "milking": self = .lactating
        case "dry": self = .dry
        default: self = .unknown
        }
    }
}
