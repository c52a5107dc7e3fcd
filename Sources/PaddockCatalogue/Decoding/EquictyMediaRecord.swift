/// A picture or video (`name`, `module`, `mediaurl`, `miniatureurl`); one without a URL is dropped.
struct EquictyMediaRecord: Decodable {
    var media: Media
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let url = c.lenientString("mediaurl", "media_url", "url") else {
            throw CatalogueDecodingError.malformed(detail: "a media item has no \"mediaurl\"")
        }
        media = Media(
            name: c.lenientString("name"), module: c.lenientString("module"), url: url,
            miniatureURL: c.lenientString("miniatureurl", "miniature_url")
        )
    }
}
