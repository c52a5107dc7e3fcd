import Foundation

/// The Equicty website API of one stable: the list of public horses, each horse's details with
/// additional info, and the HorseTelex pedigree HTML, in one language per call.
struct EquictyClient: Sendable {
    let configuration: EquictySourceConfiguration
    let apiKey: String
    let store: ResponseStore

    private func headers(language: String, accept: String, jsonBody: Bool) -> [(String, String)] {
        var headers = [("Accept-Language", language.uppercased()), ("Accept", accept)]
        if jsonBody { headers.append(("Content-Type", "application/json")) }
        return headers
    }

    /// `POST /public/web/horses` with the optional gender filter. A listing: no cache fallback.
    func list(language: String) async throws -> ResponseStore.Loaded<DecodedList<Horse>> {
        var filter: [String: String] = [:]
        if let gender = configuration.gender { filter["gender"] = gender.rawValue }
        let request = APIRequest(
            service: .equicty, item: "horse list (\(language))", method: .POST,
            url: configuration.baseURL + "/public/web/horses", headers: headers(language: language, accept: "application/json", jsonBody: true),
            body: Array(try JSONSerialization.data(withJSONObject: filter, options: [.sortedKeys])),
            authorization: .bearer(apiKey)
        )
        return try await store.load(request, key: CacheKey(service: .equicty, language: language, name: "horses"),
                                    fallback: false, decode: Horse.equictyList(from:))
    }

    /// `GET /public/web/horses/{id}?include_additional_info=true`.
    func details(id: String, language: String) async throws -> ResponseStore.Loaded<Horse> {
        let request = APIRequest(
            service: .equicty, item: "horse \(id) (\(language))", method: .GET,
            url: configuration.baseURL + "/public/web/horses/\(Self.pathComponent(id))?include_additional_info=true",
            headers: headers(language: language, accept: "application/json", jsonBody: false),
            authorization: .bearer(apiKey)
        )
        return try await store.load(request, key: CacheKey(service: .equicty, language: language, name: "horse-\(id)"),
                                    fallback: true, decode: { try Horse(equictyDetails: $0) })
    }

    /// `POST /public/web/horses/pedigree/{id}` with the configured colours; the HTML as sent.
    func pedigreeHTML(id: String, language: String) async throws -> ResponseStore.Loaded<String> {
        let colors = configuration.horsetelexColors
        let body = [
            "horse_textcolor": colors.horseTextColor, "mare_bgcolor": colors.mareBackgroundColor,
            "mare_textcolor": colors.mareTextColor,
        ]
        let request = APIRequest(
            service: .equicty, item: "HorseTelex pedigree of horse \(id) (\(language))", method: .POST,
            url: configuration.baseURL + "/public/web/horses/pedigree/\(Self.pathComponent(id))",
            headers: headers(language: language, accept: "text/html, */*", jsonBody: true),
            body: Array(try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])),
            authorization: .bearer(apiKey), expects: .pedigreeHTML
        )
        return try await store.load(request, key: CacheKey(service: .equicty, language: language, name: "pedigree-\(id)"),
                                    fallback: true, decode: Self.decodeHTML)
    }

    /// The pedigree body: HTML text, or the error frame (which throws); a cut frame, an empty or
    /// non-UTF-8 body is malformed (see ``PedigreeBody``).
    @Sendable static func decodeHTML(_ body: Data) throws -> String {
        switch try PedigreeBody.content(of: body) {
        case .html(let html): return html
        case .errorFrame(let message): throw CatalogueDecodingError.serviceError(message: message)
        }
    }

    static func pathComponent(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_."))) ?? id
    }
}
