import Foundation

extension HusbandrySourceConfiguration {
    /// The documented v1 host (`https://api.husbandry.pro/v1/api.php/animals`), used when v1 keeps the default base URL.
    package static let defaultV1BaseURL = "https://api.husbandry.pro"

    /// `GET …/v2/api.php/animals` or `…/v1/api.php/animals`, as the documents place them under `baseURL`.
    package var animalsURL: String {
        let base = version == .v1 && baseURL == Self.defaultBaseURL ? Self.defaultV1BaseURL : baseURL
        return "\(base)/\(version.rawValue)/api.php/animals"
    }
    /// The OAuth authorize endpoint (v2): configured, or `…/v2/auth_code.php/authorize`.
    package var resolvedAuthorizeURL: String { authorizeURL ?? "\(baseURL)/v2/auth_code.php/authorize" }
    /// The OAuth token endpoint (v2): configured, or `…/v2/auth_code.php/access_token`.
    package var resolvedTokenURL: String { tokenURL ?? "\(baseURL)/v2/auth_code.php/access_token" }
    /// The scopes Paddock asks for: reading animals is all a catalogue needs.
    package static let scopes = ["animal.read"]
}
