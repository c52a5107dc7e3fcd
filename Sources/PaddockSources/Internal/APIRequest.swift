import NIOHTTP1

/// One request to a service, described independently of the HTTP library.
struct APIRequest: Sendable {
    /// How a request proves who it is for.
    enum Authorization: Sendable {
        case none
        /// `Authorization: Bearer <key>` with a fixed key (Equicty).
        case bearer(String)
        /// OAuth access tokens (Husbandry v2): refreshed when expired, and once more after a 401.
        case oauth(any AccessTokenProviding)
    }

    var service: SourceService
    /// What is fetched, for messages and logs ("horse 12 (en)"); never holds a secret.
    var item: String
    var method: HTTPMethod
    var url: String
    var headers: [(String, String)] = []
    var body: [UInt8]? = nil
    var authorization: Authorization = .none
    /// What a successful answer's body must be (checked before it is decoded or cached).
    var expects: ExpectedBody = .json
    /// The largest body accepted; `nil`: the transport's limit.
    var maxBodyBytes: Int? = nil
    /// When every try of the request must be over, body included; `nil`: no bound but the service's.
    var deadline: ContinuousClock.Instant? = nil
    /// Redirects come back as answers (``HTTPTransport/Answer/redirect(to:)``) for the caller to
    /// check, sent through the transport's client that follows none.
    var returnsRedirects = false

    /// It carries validators (`If-None-Match`, `If-Modified-Since`): a `304` is an answer.
    var isConditional: Bool {
        headers.contains { ["if-none-match", "if-modified-since"].contains($0.0.lowercased()) }
    }

    /// The URL without its query, for logs (v1 user keys travel in the query).
    var loggableURL: String {
        url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
    }
}
