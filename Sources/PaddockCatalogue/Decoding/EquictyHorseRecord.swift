import Foundation

/// One horse as Equicty sends it in a list or a details answer, in any documented variant.
///
/// Accepts `birthday` or `birth_date` (dd-MM-yyyy), numbers as strings, the pedigree as the 14-key
/// object, `null` or a string (JSON text of the object, or anything else, which is ignored), the
/// additional details flat (as documented) or under `additional_info`, and unknown extra fields.
struct EquictyHorseRecord: Decodable {
    var horse: Horse

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let id = c.lenientString("id", "horse_id") else {
            throw CatalogueDecodingError.malformed(detail: "a horse has no \"id\"")
        }
        let officialName = c.lenientString("official_name")
        let nickName = c.lenientString("nick_name", "nickname")
        let sex = c.lenientString("sex")
        var horse = Horse(
            id: id,
            name: c.lenientString("name") ?? officialName ?? nickName ?? "#\(id)",
            officialName: officialName,
            nickName: nickName,
            age: c.lenientInt("age"),
            birthDate: c.lenientString("birthday", "birth_date", "date_of_birth").flatMap(CalendarDate.init(apiText:)),
            sex: sex,
            gender: HorseGender(apiText: c.lenientString("gender") ?? sex),
            studbook: c.lenientString("studbook"),
            color: c.lenientString("color", "colour"),
            height: c.lenientDouble("height"),
            heightUnit: c.lenientString("heightunit", "height_unit"),
            breeder: c.lenientString("breeder"),
            horsetelex: c.lenientBool("horsetelex") ?? false,
            pedigree: EquictyHorseRecord.pedigree(in: c),
            profileURL: c.lenientString("profile", "profile_url"),
            miniatureURL: c.lenientString("miniature", "miniature_url"),
            pictures: c.lenientArray(EquictyMediaRecord.self, "pictures").map(\.media),
            videos: c.lenientArray(EquictyMediaRecord.self, "videos").map(\.media),
            level: c.lenientString("level"),
            info: c.lenientString("info")
        )
        let additional = EquictyHorseRecord.additionalInfo(in: c.lenientObject("additional_info") ?? c)
        horse.additional = additional.isEmpty ? nil : additional
        self.horse = horse
    }

    static func additionalInfo(in c: KeyedDecodingContainer<AnyCodingKey>) -> AdditionalInfo {
        AdditionalInfo(
            sku: c.lenientString("sku"),
            breedingAssociations: c.lenientStrings("breeding_associations"),
            semenAvailability: c.lenientStrings("semen_availability"),
            wffsTestResult: c.lenientString("wffs_test_result", "wffs"),
            semenPrice: c.lenientString("semen_price"),
            salesContent: c.lenientString("sales_content", "sales_text")
        )
    }

    /// The pedigree object, a string holding its JSON, or `nil` (null, absent, empty, other text).
    static func pedigree(in c: KeyedDecodingContainer<AnyCodingKey>) -> Pedigree? {
        let key = AnyCodingKey("pedigree")
        let object: KeyedDecodingContainer<AnyCodingKey>?
        if let nested = c.lenientObject("pedigree") {
            object = nested
        } else if let text = try? c.decode(String.self, forKey: key),
                  let data = text.data(using: .utf8),
                  let decoded = try? JSONDecoder().decode(PedigreeRecord.self, from: data) {
            return decoded.pedigree.isEmpty ? nil : decoded.pedigree
        } else {
            object = nil
        }
        guard let object else { return nil }
        let pedigree = PedigreeRecord.pedigree(in: object)
        return pedigree.isEmpty ? nil : pedigree
    }
}
