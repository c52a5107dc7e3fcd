/// The smaXtec tokens the sandbox has issued (`get_token`), each with an expiry in time and,
/// optionally, in requests.
actor SmaxtecTokens {
    private let lifetime: Duration
    private let requestsPerToken: Int?
    private var tokens: [String: (expires: ContinuousClock.Instant, issuedAtCheck: Int)] = [:]
    private var checks = 0
    /// How many tokens were issued (tests count re-tokens).
    private(set) var issued = 0

    init(lifetime: Duration, requestsPerToken: Int? = nil) { self.lifetime = lifetime; self.requestsPerToken = requestsPerToken }

    func issue() -> String {
        let token = OAuthState.randomToken(prefix: "smx")
        tokens[token] = (.now + lifetime, checks)
        issued += 1
        return token
    }

    /// Whether `token` is valid for this request: issued here, not expired, and (with
    /// `requestsPerToken`) fewer than that many authorised requests of anyone since it was issued.
    func isValid(_ token: String) -> Bool {
        checks += 1
        guard let entry = tokens[token], entry.expires > .now else { return false }
        if let requestsPerToken, checks - entry.issuedAtCheck > requestsPerToken { return false }
        return true
    }

    /// Makes every token issued so far expired: the next request with one gets a 401.
    func expireAll() {
        for key in tokens.keys { tokens[key]?.expires = .now - .seconds(1) }
    }
}
