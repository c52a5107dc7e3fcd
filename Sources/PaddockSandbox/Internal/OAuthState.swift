/// The Husbandry v2 authorisation server's memory: single-use codes, access tokens with an expiry,
/// and rotating refresh tokens (each refresh token works once; the answer carries its successor).
actor OAuthState {
    struct Grant: Sendable {
        var clientID: String
        var redirectURI: String
        var scopes: Set<String>
        var expires: ContinuousClock.Instant
    }

    enum Check: Sendable, Equatable { case valid, expired, unknown, insufficientScope }

    private let lifetime: Duration
    private var codes: [String: Grant] = [:]
    private var accessTokens: [String: Grant] = [:]
    private var refreshTokens: [String: Grant] = [:]
    /// How many access tokens were issued (tests assert refreshes).
    private(set) var issuedAccessTokens = 0

    init(accessTokenLifetime: Duration) { lifetime = accessTokenLifetime }

    func issueCode(clientID: String, redirectURI: String, scopes: Set<String>) -> String {
        let code = Self.randomToken(prefix: "code")
        codes[code] = Grant(clientID: clientID, redirectURI: redirectURI, scopes: scopes, expires: .now + .seconds(600))
        return code
    }

    /// Exchanges a code once; `nil` when unknown, used, expired or issued to another client or redirect URI.
    func exchange(code: String, clientID: String, redirectURI: String?) -> (access: String, refresh: String, scopes: Set<String>)? {
        guard let grant = codes.removeValue(forKey: code), grant.expires > .now, grant.clientID == clientID,
              redirectURI == nil || redirectURI == grant.redirectURI else { return nil }
        return issue(grant)
    }

    /// Rotates a refresh token: the old one stops working.
    func refresh(token: String, clientID: String) -> (access: String, refresh: String, scopes: Set<String>)? {
        guard let grant = refreshTokens[token], grant.clientID == clientID else { return nil }
        refreshTokens[token] = nil
        return issue(grant)
    }

    func check(accessToken: String, scope: String) -> Check {
        guard let grant = accessTokens[accessToken] else { return .unknown }
        if grant.expires <= .now { return .expired }
        return grant.scopes.contains(scope) ? .valid : .insufficientScope
    }

    /// Makes every access token issued so far expired (refresh tokens stay valid).
    func expireAccessTokens() {
        for key in accessTokens.keys { accessTokens[key]?.expires = .now - .seconds(1) }
    }

    /// A refresh token that works without going through `authorize`, for tests and cron-style setups.
    func mintRefreshToken(clientID: String, scopes: Set<String>) -> String {
        let token = Self.randomToken(prefix: "rt")
        refreshTokens[token] = Grant(clientID: clientID, redirectURI: "", scopes: scopes, expires: .now + .seconds(90 * 86_400))
        return token
    }

    private func issue(_ grant: Grant) -> (access: String, refresh: String, scopes: Set<String>) {
        let access = Self.randomToken(prefix: "at")
        let refresh = Self.randomToken(prefix: "rt")
        var accessGrant = grant
        accessGrant.expires = .now + lifetime
        accessTokens[access] = accessGrant
        var refreshGrant = grant
        refreshGrant.expires = .now + .seconds(90 * 86_400)
        refreshTokens[refresh] = refreshGrant
        issuedAccessTokens += 1
        return (access, refresh, grant.scopes)
    }

    static func randomToken(prefix: String) -> String {
        var rng = SystemRandomNumberGenerator()
        let hex = (0..<4).map { _ in String(rng.next() as UInt64, radix: 16) }.map { String(repeating: "0", count: 16 - $0.count) + $0 }
        return prefix + "_" + hex.joined()
    }
}
