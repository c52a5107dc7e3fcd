import Foundation

/// A login that ended with a saved refresh token.
public struct LoginResult: Sendable {
    public var credentialsFile: URL
    public var redirectURI: String
    public var accessTokenLifetimeSeconds: Int
}
