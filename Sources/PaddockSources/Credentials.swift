import Foundation

/// The secrets a site needs, from the environment or a credentials file readable by its owner only.
///
/// The environment wins over the file, with one exception: a Husbandry refresh token that was
/// rotated from the environment's token and saved in the file takes its place (see
/// ``husbandryRefreshTokenReplaces``). The file is JSON with the keys below, mode 0600; a file
/// that others can read is refused. Secrets are never part of `description`.
///
/// | environment variable | file key |
/// | --- | --- |
/// | `PADDOCK_EQUICTY_API_KEY` | `equicty_api_key` |
/// | `PADDOCK_HUSBANDRY_CLIENT_ID` | `husbandry_client_id` |
/// | `PADDOCK_HUSBANDRY_CLIENT_SECRET` | `husbandry_client_secret` |
/// | `PADDOCK_HUSBANDRY_REFRESH_TOKEN` | `husbandry_refresh_token` |
/// | — (written with a rotated token) | `husbandry_refresh_token_replaces` |
/// | `PADDOCK_HUSBANDRY_USER_KEYS` (comma-separated) | `husbandry_user_keys` (array) |
/// | `PADDOCK_SMAXTEC_EMAIL` | `smaxtec_email` |
/// | `PADDOCK_SMAXTEC_PASSWORD` | `smaxtec_password` |
/// | `PADDOCK_WEBHOOK_SECRET` | `webhook_secret` |
package struct Credentials: Sendable, Equatable, Codable, CustomStringConvertible {
    package var equictyAPIKey: String?
    package var husbandryClientID: String?
    package var husbandryClientSecret: String?
    package var husbandryRefreshToken: String?
    /// `sha256:` and the hex SHA-256 of the `PADDOCK_HUSBANDRY_REFRESH_TOKEN` that the file's
    /// refresh token was rotated from (file key `husbandry_refresh_token_replaces`; the digest,
    /// never the token). While the environment still holds that token, the file's newer one is used.
    package var husbandryRefreshTokenReplaces: String?
    package var husbandryUserKeys: [String]?
    package var webhookSecret: String?
    /// The smaXtec user (the API signs in with email and password, sent in a query string).
    package var smaxtecEmail: String?
    package var smaxtecPassword: String?
    /// Where ``husbandryRefreshToken`` came from when loaded (not stored).
    var husbandryRefreshTokenOrigin: RefreshTokenOrigin? = nil

    enum CodingKeys: String, CodingKey {
        case equictyAPIKey = "equicty_api_key"
        case husbandryClientID = "husbandry_client_id"
        case husbandryClientSecret = "husbandry_client_secret"
        case husbandryRefreshToken = "husbandry_refresh_token"
        case husbandryRefreshTokenReplaces = "husbandry_refresh_token_replaces"
        case husbandryUserKeys = "husbandry_user_keys"
        case webhookSecret = "webhook_secret"
        case smaxtecEmail = "smaxtec_email"
        case smaxtecPassword = "smaxtec_password"
    }

    package init(
        equictyAPIKey: String? = nil, husbandryClientID: String? = nil, husbandryClientSecret: String? = nil,
        husbandryRefreshToken: String? = nil, husbandryUserKeys: [String]? = nil, webhookSecret: String? = nil,
        smaxtecEmail: String? = nil, smaxtecPassword: String? = nil
    ) {
        self.smaxtecEmail = smaxtecEmail; self.smaxtecPassword = smaxtecPassword
        self.equictyAPIKey = equictyAPIKey; self.husbandryClientID = husbandryClientID
        self.husbandryClientSecret = husbandryClientSecret; self.husbandryRefreshToken = husbandryRefreshToken
        self.husbandryUserKeys = husbandryUserKeys; self.webhookSecret = webhookSecret
    }

    /// Which secrets are set, never their values.
    package var description: String {
        let present: [(String, Bool)] = [
            ("equicty_api_key", equictyAPIKey != nil), ("husbandry_client_id", husbandryClientID != nil),
            ("husbandry_client_secret", husbandryClientSecret != nil),
            ("husbandry_refresh_token", husbandryRefreshToken != nil),
            ("husbandry_user_keys", husbandryUserKeys != nil), ("webhook_secret", webhookSecret != nil),
            ("smaxtec_email", smaxtecEmail != nil), ("smaxtec_password", smaxtecPassword != nil),
        ]
        return "Credentials(" + present.filter(\.1).map(\.0).joined(separator: ", ") + ")"
    }

    /// Every secret value that is set, so that output can be scrubbed of them.
    package var secretValues: [String] {
        [equictyAPIKey, husbandryClientSecret, husbandryRefreshToken, webhookSecret].compactMap { $0 }
            + (husbandryUserKeys ?? []) + smaxtecSecretValues
    }

    /// True when nothing is configured: the site then builds from the bundled demo data.
    package var isEmpty: Bool {
        equictyAPIKey == nil && husbandryClientSecret == nil && husbandryRefreshToken == nil
            && (husbandryUserKeys ?? []).isEmpty && smaxtecPassword == nil
    }

    /// The smaXtec password and email as written and as they travel in a query string
    /// (percent-encoded, and with `+` for spaces), so that no form of them survives in output.
    var smaxtecSecretValues: [String] {
        var values: [String] = []
        for value in [smaxtecPassword, smaxtecEmail].compactMap({ $0 }) {
            values.append(value)
            let encoded = FormEncoding.escape(value)
            values.append(encoded)
            values.append(encoded.replacingOccurrences(of: "%20", with: "+"))
        }
        return values
    }
}
