/// A page of `animals`: `{"data": [...], "offset": …, "limit": …, "total": …}` with `total` as a
/// number or a string, or a bare array (one page holding everything).
struct HusbandryPageRecord: Decodable {
    var entries: [Lenient<HusbandryAnimalRecord>]
    var offset: Int?
    var limit: Int?
    var total: Int?

    init(from decoder: any Decoder) throws {
        if let c = try? decoder.container(keyedBy: AnyCodingKey.self) {
            if let message = APIEnvelope<HusbandryPageRecord>.errorMessage(in: c) {
                throw CatalogueDecodingError.serviceError(message: message)
            }
            if let error = c.lenientString("error"), !c.contains(AnyCodingKey("data")) {
                throw CatalogueDecodingError.serviceError(message: c.lenientString("error_description", "message") ?? error)
            }
            let dataKey = AnyCodingKey("data")
            if (try? c.decodeNil(forKey: dataKey)) == true || (try? c.decode(String.self, forKey: dataKey)) != nil {
                entries = []
            } else {
                entries = try c.decode([Lenient<HusbandryAnimalRecord>].self, forKey: dataKey)
            }
            offset = c.lenientInt("offset")
            limit = c.lenientInt("limit", "per_page")
            total = c.lenientInt("total")
        } else {
            entries = try [Lenient<HusbandryAnimalRecord>](from: decoder)
            total = entries.count
        }
    }
}
