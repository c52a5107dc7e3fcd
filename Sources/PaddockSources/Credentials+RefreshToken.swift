import Crypto
import Foundation

/// Where the Husbandry refresh token of loaded ``Credentials`` came from.
enum RefreshTokenOrigin: Sendable, Equatable {
    /// `PADDOCK_HUSBANDRY_REFRESH_TOKEN`; `shadowsFileToken` when the file holds another token that
    /// does not descend from it (an administrator set a new token in the environment).
    case environment(shadowsFileToken: Bool)
    /// The credentials file: no token in the environment, or the environment's token was rotated
    /// into the file's.
    case credentialsFile

    var isEnvironment: Bool {
        if case .environment = self { return true }
        return false
    }
}

extension Credentials {
    /// The environment variable that carries a Husbandry refresh token on cron hosts.
    static let refreshTokenVariable = "PADDOCK_HUSBANDRY_REFRESH_TOKEN"

    /// `sha256:` and the lower-case hex SHA-256 of `token`: what the credentials file records of
    /// an environment token, so that it can tell the token again without holding it.
    static func refreshTokenDigest(_ token: String) -> String {
        "sha256:" + SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Lays the environment's refresh token over what the file holds.
    ///
    /// Husbandry rotates refresh tokens and each works once, so after the first refresh the
    /// environment's token is spent and the file holds its successor, marked with the digest of
    /// the environment token it descends from. While the environment still holds that token the
    /// file's token is used; any other environment token (a new one set by the administrator)
    /// wins over the file, and its successors are marked with its own digest.
    mutating func takeRefreshToken(fromEnvironment token: String) {
        let digest = Self.refreshTokenDigest(token)
        if let stored = husbandryRefreshToken, stored != token, husbandryRefreshTokenReplaces == digest {
            husbandryRefreshTokenOrigin = .credentialsFile
            return
        }
        let shadows = husbandryRefreshToken.map { $0 != token } ?? false
        husbandryRefreshToken = token
        husbandryRefreshTokenReplaces = digest
        husbandryRefreshTokenOrigin = .environment(shadowsFileToken: shadows)
    }

    /// The error for a refresh token from the environment that Husbandry refuses (`invalid_grant`)
    /// when no token in the credentials file descends from it; `nil` when the token is the file's.
    func staleEnvironmentTokenError(credentialsFile: URL?) -> SourcesError? {
        guard case .environment(let shadowsFileToken) = husbandryRefreshTokenOrigin else { return nil }
        return .staleRefreshToken(service: .husbandry, variable: Self.refreshTokenVariable,
                                  credentialsFile: credentialsFile?.path, fileHasToken: shadowsFileToken)
    }
}
