import PaddockTemplate

/// Deterministic data for `count` horse pages, built once in both engines' shapes.
struct HorsePageData {
    let paddock: [TemplateValue]
    let foundation: [[String: Any]]

    init(count: Int) {
        let site: [String: Any] = [
            "title": "Stal \"De Linde\" & Zonen", "description": "Sport horses <KWPN> & Holsteiner since 1987",
            "url": "https://stal-delinde.example/", "skip": "Skip to content", "menu": "Main menu",
            "email": "info@stal-delinde.example", "phone": "+31 6 1234 5678", "inquire": "Ask about this horse",
            "nav": [["url": "/en/", "label": "Home"], ["url": "/en/horses/", "label": "Horses"],
                    ["url": "/en/for-sale/", "label": "For sale"], ["url": "/en/contact/", "label": "Contact"]],
        ]
        let studbooks = ["KWPN", "Holsteiner", "Hanoverian", "BWP", "Oldenburg"]
        let sires = ["Kannan", "Diamant de Semilly", "Chacco-Blue", "Cornet Obolensky", "Casall", "Zirocco Blue"]
        var horses: [[String: Any]] = []
        for i in 0..<count {
            let name = "Arko <\(i)> van 't Heike & \"Linde\""
            let pedigree = Dictionary(uniqueKeysWithValues: ["v", "vv", "vvv", "vvm", "vm", "vmv", "vmm", "m", "mv", "mvv", "mvm", "mm", "mmv", "mmm"]
                .enumerated().map { ($1, "\(sires[($0 + i) % sires.count]) & <\($1.uppercased())> \"\(i % 97)\"") })
            let pictures: [[String: Any]] = (0..<10).map { p in
                ["url": "/media/\(i)/\(p).jpg", "thumb": "/media/\(i)/\(p)-t.jpg?w=320&h=213",
                 "alt": "Photo \(p + 1) <\(i)>", "width": 320, "height": 213]
            }
            let facts: [[String: Any]] = [
                ["label": "Sex", "value": i % 3 == 0 ? "Stallion" : "Mare"], ["label": "Born", "value": "\(2010 + i % 12)"],
                ["label": "Studbook", "value": studbooks[i % studbooks.count]], ["label": "Colour", "value": "Bay <dark>"],
                ["label": "Height", "value": "1.\(60 + i % 15) m"], ["label": "Breeder", "value": "Fam. O'Neill & Söhne"],
                ["label": "Level", "value": "1.40 m \"international\""], ["label": "WFFS", "value": "Negative <tested>"],
            ]
            horses.append([
                "lang": "en", "site": site, "name": name, "officialName": "\(name) Z", "url": "https://stal-delinde.example/en/horses/arko-\(i)/",
                "summary": "\(name): \(studbooks[i % studbooks.count]) by \(sires[i % sires.count]) & out of <unknown>",
                "facts": facts, "pedigree": pedigree, "pictures": pictures,
                "sales": String(repeating: "Très bon cheval <1m40> & \"super\" caractère — prix > 15 000 € & à négocier. ", count: 3),
                "subject": "Inquiry%20about%20Arko%20\(i)",
            ])
        }
        foundation = horses
        paddock = horses.map(HorsePageData.convert)
    }

    private static func convert(_ value: Any) -> TemplateValue {
        switch value {
        case let s as String: .string(s)
        case let i as Int: .int(i)
        case let a as [Any]: .array(a.map(convert))
        case let m as [String: Any]: .map(TemplateMap(m.mapValues(convert)))
        default: .null
        }
    }
}
