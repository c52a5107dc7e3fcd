/// The 14-key pedigree object on its own (for pedigrees sent as JSON text).
struct PedigreeRecord: Decodable {
    var pedigree: Pedigree
    init(from decoder: any Decoder) throws {
        pedigree = PedigreeRecord.pedigree(in: try decoder.container(keyedBy: AnyCodingKey.self))
    }

    static func pedigree(in c: KeyedDecodingContainer<AnyCodingKey>) -> Pedigree {
        var names: [String: String] = [:]
        for key in Pedigree.keys {
            if let name = c.lenientString(key) { names[key] = name }
        }
        return Pedigree(names: names)
    }
}
