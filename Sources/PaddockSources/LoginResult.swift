import Foundation

/// A login that ended with a saved refresh token.
package struct LoginResult: Sendable {
    /// The credentials file (mode 0600) now holding `husbandry_refresh_token`.
    package var credentialsFile: URL
    /// The `redirect_uri` the login used (`http://127.0.0.1:PORT/callback`).
    package var redirectURI: String
    /// `expires_in` of the first access token (the documents say one hour).
    package var accessTokenLifetimeSeconds: Int
}
