import Foundation
import PaddockCatalogue
import PaddockTemplate

extension FilterIndex {
    /// Upper bounds of the age bands, in years: 0–3, 4–6, 7–10, 11–15, 16 and older.
    static let ageBounds: [Double] = [4, 7, 11, 16]
    /// Upper bounds of the height bands, in centimetres: under 150, 150–159, 160–164, 165–169, 170 and taller.
    static let heightBounds: [Double] = [150, 160, 165, 170]

    /// The horses' index.
    func horses() -> IndexJSON {
        let ids = data.horses.keys.sorted { SlugAllocator.idLess($1, $0) }   // newest first: Equicty ids grow
        var slug = IndexColumn.Texts(), name = IndexColumn.Texts(), official = IndexColumn.Texts()
        var sire = IndexColumn.Coded(keyed: false), dam = IndexColumn.Coded(keyed: false)
        var sex = IndexColumn.Coded(keyed: true), sexText = IndexColumn.Coded(keyed: false)
        var studbook = IndexColumn.Coded(keyed: true), color = IndexColumn.Coded(keyed: true)
        var age = IndexColumn.Numbers(), ageText = IndexColumn.Coded(keyed: false), ageBand = IndexColumn.Coded(keyed: true)
        var height = IndexColumn.Numbers(), heightText = IndexColumn.Coded(keyed: false), heightBand = IndexColumn.Coded(keyed: true)
        var associations = IndexColumn.MultiCoded(), semen = IndexColumn.MultiCoded()
        var sale = IndexColumn.Coded(keyed: true)
        var pictures = IndexColumn.Pictures()
        let ageLabels = bandLabels(Self.ageBounds, unit: { data.string("age_other", ["n": $0]) })
        let heightLabels = bandLabels(Self.heightBounds, unit: { "\($0) cm" })
        // Bands in their natural order, whatever order the horses come in.
        for (index, label) in ageLabels.enumerated() { _ = ageBand.code(key: "a\(index)", label: label) }
        for (index, label) in heightLabels.enumerated() { _ = heightBand.code(key: "h\(index)", label: label) }
        for gender in HorseGender.allCases where gender != .unknown {
            _ = sex.code(key: gender.rawValue.lowercased(), label: data.string("filter_\(gender.rawValue.lowercased())"))
        }
        for id in ids {
            guard let horse = data.horses[id], let slugText = plan.horseSlugs[id] else { continue }
            let card = data.horseCards[id]?.mapValue ?? TemplateMap()
            slug.add(slugText)
            name.add(horse.name)
            official.add(horse.officialName.flatMap { $0.sortKey == horse.name.sortKey ? nil : $0 })
            sire.add(horse.pedigree?.sire)
            dam.add(horse.pedigree?.dam)
            if horse.gender == .unknown { sex.add(nil) } else {
                sex.add(data.string("filter_\(horse.gender.rawValue.lowercased())"), key: horse.gender.rawValue.lowercased())
            }
            sexText.add(card["sex"]?.stringValue)
            let studbookSlug = plan.studbookSlug(of: horse)
            studbook.add(studbookSlug.flatMap { plan.studbooks[$0] }, key: studbookSlug)
            color.add(card["color"]?.stringValue, key: card["color"]?.stringValue.map(Self.key))
            let years = horse.age.flatMap { $0 >= 0 ? $0 : nil }
            age.add(years)
            ageText.add(card["age"]?.stringValue)
            if let years { ageBand.add(ageLabels[Self.band(Double(years), bounds: Self.ageBounds)], key: "a\(Self.band(Double(years), bounds: Self.ageBounds))") }
            else { ageBand.add(nil) }
            let centimetres = Self.centimetres(horse)
            height.add(centimetres)
            heightText.add(card["height"]?.stringValue)
            if let centimetres {
                let band = Self.band(Double(centimetres), bounds: Self.heightBounds)
                heightBand.add(heightLabels[band], key: "h\(band)")
            } else {
                heightBand.add(nil)
            }
            associations.add((horse.additional?.breedingAssociations ?? []).map { (Self.key($0), $0.trimmed) })
            semen.add((horse.additional?.semenAvailability ?? []).map { (Self.key($0), $0.trimmed) })
            let forSale = !(horse.additional?.salesContent?.trimmed.isEmpty ?? true)
            sale.add(forSale ? data.string("filter_for_sale_yes") : nil, key: forSale ? "yes" : nil)
            pictures.add(pictureSource(card, "miniature"))
        }
        var facets: [IndexJSON] = [Self.facet("sex", title: data.string("filter_gender"))]
        var columns: [(String, IndexJSON)] = [
            ("slug", slug.json), ("name", name.json), ("official", official.json), ("sire", sire.json), ("dam", dam.json),
            ("sex", sex.json), ("sexText", sexText.json), ("age", age.json), ("ageText", ageText.json),
            ("height", height.json), ("heightText", heightText.json), ("studbook", studbook.json), ("color", color.json),
            ("ageBand", ageBand.json), ("heightBand", heightBand.json), ("picture", pictures.json),
        ]
        func optional(_ parameter: String, _ title: String, _ column: IndexJSON, present: Bool, kind: String = "one") {
            guard present else { return }
            facets.append(Self.facet(parameter, title: data.string(title), kind: kind))
            columns.append((parameter, column))
        }
        let studbooks = studbook.codes.contains { $0 >= 0 }, colours = color.codes.contains { $0 >= 0 }
        facets.append(contentsOf: studbooks ? [Self.facet("studbook", title: data.string("filter_studbook"))] : [])
        facets.append(contentsOf: colours ? [Self.facet("color", title: data.string("filter_color"))] : [])
        facets.append(Self.facet("ageBand", title: data.string("filter_age")))
        facets.append(Self.facet("heightBand", title: data.string("filter_height")))
        optional("assoc", "breeding_associations", associations.json, present: associations.rows.contains { !$0.isEmpty }, kind: "many")
        optional("semen", "semen_availability", semen.json, present: semen.rows.contains { !$0.isEmpty }, kind: "many")
        optional("sale", "filter_sale", sale.json, present: sale.codes.contains { $0 >= 0 })
        return .object([
            ("v", .int(1)), ("kind", .string("horses")), ("lang", .string(data.language)), ("n", .int(slug.values.count)),
            ("base", .string("\(data.language)/horses/")), ("perPage", .int(max(1, plan.config.horsesPerPage))),
            ("placeholder", .string("assets/placeholder.svg")),
            ("sorts", .array(["name", "newest", "age", "age-desc", "height"].map { sortOption($0) })),
            ("search", .array(["name", "official", "sire", "dam"].map(IndexJSON.string))),
            ("facets", .array(facets)), ("t", strings(Self.uiKeys)), ("cols", .object(columns)),
        ])
    }

    /// `Under 150 cm`, `150–159 cm`, …, `170 cm and more` (bounds are exclusive upper bounds).
    func bandLabels(_ bounds: [Double], unit: (String) -> String) -> [String] {
        func text(_ value: Double) -> String { data.format.number(value) }
        var labels = [data.string("filter_band_under", ["n": unit(text(bounds[0]))])]
        for index in 1..<bounds.count { labels.append(unit("\(text(bounds[index - 1]))–\(text(bounds[index] - 1))")) }
        labels.append(data.string("filter_band_over", ["n": unit(text(bounds[bounds.count - 1]))]))
        return labels
    }

    func sortOption(_ key: String) -> IndexJSON {
        .object([("k", .string(key)), ("t", .string(data.string("filter_sort_" + key.replacingOccurrences(of: "-", with: "_"))))])
    }

    /// The height in centimetres: `cm`, metres (`1.68`, `m`) or hands (`16.2`, `hh`: 16 hands and 2 inches).
    static func centimetres(_ horse: Horse) -> Int? {
        guard let height = horse.height, height > 0, height.isFinite else { return nil }
        let unit = (horse.heightUnit ?? "").trimmed.lowercased()
        if unit.hasPrefix("h") {
            let hands = height.rounded(.down), inches = ((height - hands) * 10).rounded()
            return Int(((hands * 4 + inches) * 2.54).rounded())
        }
        if unit == "m" || height < 3 { return Int((height * 100).rounded()) }
        return Int(height.rounded())
    }
}
