/// The smaXtec tokens the sandbox has issued (`get_token`), each with an expiry.
actor SmaxtecTokens {
    private let lifetime: Duration
    private var tokens: [String: ContinuousClock.Instant] = [:]
    /// How many tokens were issued (tests count re-tokens).
    private(set) var issued = 0

    init(lifetime: Duration) { self.lifetime = lifetime }

    func issue() -> String {
        let token = OAuthState.randomToken(prefix: "smx")
        tokens[token] = .now + lifetime
        issued += 1
        return token
    }

    func isValid(_ token: String) -> Bool {
        guard let expires = tokens[token] else { return false }
        return expires > .now
    }

    /// Makes every token issued so far expired: the next request with one gets a 401.
    func expireAll() {
        for key in tokens.keys { tokens[key] = .now - .seconds(1) }
    }
}
