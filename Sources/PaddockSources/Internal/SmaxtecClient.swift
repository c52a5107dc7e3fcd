import Foundation

/// The herd of the configured smaXtec organisations: the organisations, each one's animals, and
/// each animal's events, with a bearer token from ``SmaxtecTokenProvider``.
struct SmaxtecClient: Sendable {
    let configuration: SmaxtecSourceConfiguration
    let tokens: (any AccessTokenProviding)?
    let store: ResponseStore

    /// `GET /v1/organisation`: part of the listing (no cache fallback).
    func organisations() async throws -> ResponseStore.Loaded<[HerdOrganisation]> {
        try await store.load(request("organisations", path: "/v1/organisation"),
                             key: CacheKey(service: .smaxtec, language: nil, name: "organisations"),
                             fallback: false, decode: { try SmaxtecBody.organisations($0) })
    }

    /// `GET /v2/integration/organisations/{id}/animals`: part of the listing (no cache fallback).
    func animals(organisation: String) async throws -> ResponseStore.Loaded<(animals: [HerdAnimal], skipped: [String])> {
        try await store.load(request("animals of organisation \(organisation)",
                                     path: "/v2/integration/organisations/\(Self.segment(organisation))/animals"),
                             key: CacheKey(service: .smaxtec, language: nil, name: "animals-\(organisation)"),
                             fallback: false, decode: { try SmaxtecBody.animals($0, organisation: organisation) })
    }

    /// `GET …/animals/{official_id}/events`: one item (its cached copy stands in when it fails).
    func events(organisation: String, officialID: String) async throws -> ResponseStore.Loaded<HerdEvents> {
        let path = "/v2/integration/organisations/\(Self.segment(organisation))/animals/\(Self.segment(officialID))/events"
        return try await store.load(request("events of animal \(officialID)", path: path),
                                    key: CacheKey(service: .smaxtec, language: nil, name: "events-\(organisation)-\(officialID)"),
                                    fallback: true, decode: { try HerdEvents(smaxtecJSON: $0) })
    }

    private func request(_ item: String, path: String) -> APIRequest {
        APIRequest(service: .smaxtec, item: item, method: .GET, url: configuration.baseURL + path,
                   headers: [("Accept", "application/json")], authorization: tokens.map { .oauth($0) } ?? .none)
    }

    /// One path segment with every byte but letters, digits, `-`, `_` and `~` percent-encoded: an
    /// ear tag such as `../x` or `AT/1` stays one segment, and `.`/`..` never read as dot-segments.
    static func segment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}
