import Foundation

/// The animals for sale of one Husbandry Pro breeder (v2, OAuth) or several (v1, user keys),
/// paged through to the last page.
struct HusbandryClient: Sendable {
    /// How requests are authorised.
    enum Access: Sendable {
        case oauth(any AccessTokenProviding)
        case userKeys([String])
    }

    let configuration: HusbandrySourceConfiguration
    let access: Access
    let store: ResponseStore

    /// `GET animals?is_for_sale=1&page=N&limit=100` with the configured filters. Every page is part
    /// of the listing: no cache fallback (a page that fails stops the run).
    func page(_ number: Int) async throws -> ResponseStore.Loaded<SaleAnimalPage> {
        var query: [(String, String)] = [("is_for_sale", "1"), ("page", String(number)), ("limit", String(configuration.pageSize))]
        if !configuration.animalTypes.isEmpty { query += FormEncoding.parameter("animal_type", configuration.animalTypes) }
        if !configuration.statuses.isEmpty { query += FormEncoding.parameter("status", configuration.statuses) }
        let authorization: APIRequest.Authorization
        switch access {
        case .oauth(let provider):
            authorization = .oauth(provider)
        case .userKeys(let keys):
            authorization = .none
            query += FormEncoding.parameter("user_keys", keys)
        }
        let request = APIRequest(
            service: .husbandry, item: "animals page \(number)", method: .GET,
            url: configuration.animalsURL + "?" + FormEncoding.encode(query),
            headers: [("Accept", "application/json")], authorization: authorization
        )
        return try await store.load(request, key: CacheKey(service: .husbandry, language: nil, name: "animals-page-\(number)"),
                                    fallback: false, decode: { try SaleAnimalPage(husbandryJSON: $0) })
    }

    /// How many pages the first page says there are: from `total` and the page's `limit`;
    /// `nil` when `total` is missing (then pages are read until one comes back short).
    func pageCount(first: SaleAnimalPage) -> Int? {
        guard let total = first.total else { return nil }
        let limit = max(1, first.limit ?? configuration.pageSize)
        return max(1, (total + limit - 1) / limit)
    }
}
