/// Why fetching from a service failed. Every message names the service and the item and never
/// contains a secret (API keys, tokens and user keys are scrubbed from anything a server sent back).
package enum SourcesError: Error, CustomStringConvertible, Sendable, Equatable {
    /// 401 or 403: the credential was refused. Not retried.
    case unauthorized(service: SourceService, item: String, status: Int, message: String?)
    /// The service answered with its error frame or another client error (4xx).
    case serviceError(service: SourceService, item: String, status: Int, message: String)
    /// A 5xx (or 408) answer, still failing after every try.
    case httpStatus(service: SourceService, item: String, status: Int, tries: Int)
    /// Connection refused or dropped, or a timeout, still failing after every try.
    case transport(service: SourceService, item: String, detail: String, tries: Int)
    /// Truncated or invalid JSON, or a body not in the documented shape, after every try.
    case malformedResponse(service: SourceService, item: String, detail: String, tries: Int)
    /// The body was larger than the client accepts.
    case bodyTooLarge(service: SourceService, item: String, limit: Int)
    /// The service asked to wait longer (or more often) than the client accepts.
    case rateLimited(service: SourceService, item: String, retryAfterSeconds: Double)
    /// The service is down for this run (its circuit breaker opened: connection failures in a
    /// row, or its time bound passed); the item was not asked for.
    case serviceDown(service: SourceService, item: String, reason: String)
    /// A credential the configured source needs is not set.
    case missingCredential(service: SourceService, name: String, hint: String)
    /// OAuth refused: the token endpoint answered with an error (an expired refresh token, say).
    case oauth(service: SourceService, error: String, description: String?)
    /// Husbandry refused (`invalid_grant`) the refresh token from the environment variable
    /// `variable`, and no token in the credentials file descends from it: the variable is stale.
    case staleRefreshToken(service: SourceService, variable: String, credentialsFile: String?, fileHasToken: Bool)
    /// `--offline`, or a failed item, and the cache holds no copy.
    case notCached(service: SourceService, item: String)
    /// A listing (the Equicty list of one language, a Husbandry page) failed: nothing is published.
    indirect case listingFailed(service: SourceService, listing: String, underlying: SourcesError)
    /// The cache folder could not be written or read.
    case cache(path: String, detail: String)
    /// A configured organisation is not among the user's, or its name is not unique.
    case unknownOrganisation(service: SourceService, wanted: String, detail: String)

    package var description: String {
        switch self {
        case .unauthorized(let service, let item, let status, let message):
            let reason = message.map { ": \"\($0)\"" } ?? ""
            let hint = switch service {
            case .equicty: "check the Equicty API key (PADDOCK_EQUICTY_API_KEY)"
            case .husbandry: "check the Husbandry credentials, or run `paddock login husbandry`"
            case .smaxtec: "check the smaXtec email and password (PADDOCK_SMAXTEC_EMAIL, PADDOCK_SMAXTEC_PASSWORD)"
            case .media: "the picture's host asks for credentials Paddock does not send"
            }
            return "\(service) refused the credentials for \(item) (HTTP \(status))\(reason); \(hint)"
        case .serviceError(let service, let item, let status, let message):
            return "\(service) answered \(item) with an error (HTTP \(status)): \"\(message)\""
        case .httpStatus(let service, let item, let status, let tries):
            return "\(service) answered \(item) with HTTP \(status) \(Self.times(tries))"
        case .transport(let service, let item, let detail, let tries):
            return "could not reach \(service) for \(item) \(Self.times(tries)): \(detail)"
        case .malformedResponse(let service, let item, let detail, let tries):
            return "\(service) sent an unreadable answer for \(item) \(Self.times(tries)): \(detail)"
        case .bodyTooLarge(let service, let item, let limit):
            return "\(service) sent more than \(limit) bytes for \(item)"
        case .rateLimited(let service, let item, let seconds):
            return "\(service) keeps rate-limiting \(item) (Retry-After \(seconds) s); try again later"
        case .serviceDown(let service, let item, let reason):
            return "\(service) is down for this run (\(reason)); \(item) was not fetched"
        case .missingCredential(let service, let name, let hint):
            return "\(service) needs \(name): \(hint)"
        case .oauth(let service, let error, let description):
            return "\(service) refused the sign-in (\(error)\(description.map { ": \($0)" } ?? "")); run `paddock login husbandry` again"
        case .staleRefreshToken(let service, let variable, let file, let fileHasToken):
            let remedy = fileHasToken
                ? "remove \(variable) from the environment to use the token in \(file ?? "the credentials file"), or set \(variable) to a fresh token"
                : "set \(variable) to a fresh token (run `paddock login husbandry` and copy husbandry_refresh_token from its credentials file), or remove \(variable) and run `paddock login husbandry` on this host"
            return "\(service) refused the refresh token in \(variable) (invalid_grant): refresh tokens are rotated and each works once, "
                + "and no newer token in \(file ?? "a credentials file") descends from this one; \(remedy)"
        case .notCached(let service, let item):
            return "the cache holds no copy of \(service) \(item); run `paddock fetch` with the network"
        case .listingFailed(let service, let listing, let underlying):
            return "could not fetch the \(service) \(listing), so nothing is published: \(underlying)"
        case .cache(let path, let detail):
            return "cache \(path): \(detail)"
        case .unknownOrganisation(let service, let wanted, let detail):
            return "\(service) organisation \"\(wanted)\" (sources.smaxtec.organisations): \(detail)"
        }
    }

    private static func times(_ tries: Int) -> String { tries == 1 ? "(1 try)" : "(\(tries) tries)" }

    /// The service the error concerns, when it concerns one.
    package var service: SourceService? {
        switch self {
        case .unauthorized(let s, _, _, _), .serviceError(let s, _, _, _), .httpStatus(let s, _, _, _),
             .transport(let s, _, _, _), .malformedResponse(let s, _, _, _), .bodyTooLarge(let s, _, _),
             .rateLimited(let s, _, _), .serviceDown(let s, _, _), .missingCredential(let s, _, _), .oauth(let s, _, _),
             .staleRefreshToken(let s, _, _, _),
             .notCached(let s, _), .listingFailed(let s, _, _), .unknownOrganisation(let s, _, _):
            return s
        case .cache:
            return nil
        }
    }

    /// True for ``serviceDown(service:item:reason:)``: the service was not asked, and a listing may
    /// stand in with its cached copy too.
    package var isServiceDown: Bool {
        if case .serviceDown = self { return true }
        return false
    }
}
