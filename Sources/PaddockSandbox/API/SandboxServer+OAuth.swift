/// Test controls of the sandbox's Husbandry authorisation server.
extension SandboxServer {
    /// Every access token issued so far expires now; the next API call with one gets 401. Refresh tokens stay valid.
    package func expireAccessTokens() async {
        await oauthState.expireAccessTokens()
    }

    /// A valid refresh token for the sandbox client, as `PADDOCK_HUSBANDRY_REFRESH_TOKEN` would carry,
    /// without going through `authorize`.
    package func mintRefreshToken(scopes: Set<String> = ["animal.read", "profile.read"]) async -> String {
        await oauthState.mintRefreshToken(clientID: options.husbandryClientID, scopes: scopes)
    }

    /// How many access tokens were issued (code exchanges and refreshes).
    package var issuedAccessTokenCount: Int {
        get async { await oauthState.issuedAccessTokens }
    }
}
