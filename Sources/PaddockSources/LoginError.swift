/// Why `paddock login husbandry` did not end with a saved refresh token. No message holds a secret.
package enum LoginError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The redirect carried no `state`, or another one than this login's: possibly forged, refused.
    case stateMismatch(missing: Bool)
    /// Husbandry redirected with `error` (and maybe `error_description`): the user declined, or the request was wrong.
    case authorizationDenied(error: String, description: String?)
    /// The redirect had the right state but no `code`.
    case missingCode
    /// No redirect arrived in time.
    case timedOut(seconds: Int)
    /// The loopback listener could not start.
    case listenerFailed(host: String, port: Int, reason: String)
    /// The token endpoint answered without a refresh token.
    case noRefreshToken

    package var description: String {
        switch self {
        case .stateMismatch(let missing):
            return missing
                ? "the sign-in redirect had no state parameter; it was refused (start `paddock login husbandry` again)"
                : "the sign-in redirect carried a state that this login did not issue; it was refused as a possible forgery (start `paddock login husbandry` again)"
        case .authorizationDenied(let error, let description):
            return "Husbandry Pro did not grant access: \(error)\(description.map { " — \($0)" } ?? "")"
        case .missingCode:
            return "the sign-in redirect had no authorization code"
        case .timedOut(let seconds):
            return "no sign-in redirect arrived within \(seconds) s; open the printed link in a browser and try again"
        case .listenerFailed(let host, let port, let reason):
            return "could not listen for the sign-in redirect on \(host):\(port): \(reason)"
        case .noRefreshToken:
            return "Husbandry Pro answered the code exchange without a refresh_token"
        }
    }
}
