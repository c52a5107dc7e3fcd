/// `{"name": …, "trait": …}`; a gene without a name is dropped.
struct GeneRecord: Decodable {
    var gene: Gene
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let name = c.lenientString("name") else {
            throw CatalogueDecodingError.malformed(detail: "a gene has no \"name\"")
        }
        gene = Gene(name: name, trait: c.lenientString("trait"))
    }
}
