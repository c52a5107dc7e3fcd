import Foundation
import Logging

/// Husbandry v2 access tokens from a refresh token: refreshed when the hour is up (a minute early)
/// or after a 401, one refresh at a time however many requests ask. A rotated refresh token is
/// kept and handed to `onRotation` (which saves it to the credentials file). When the first token
/// is refused as `invalid_grant` and `staleTokenError` is set (the token came from the environment
/// and the file holds none descending from it), that error, which names the variable, is thrown.
actor HusbandryTokenProvider: AccessTokenProviding {
    private let tokenURL: String
    private let clientID: String
    private let clientSecret: String?
    private var refreshToken: String
    private let transport: HTTPTransport
    private let onRotation: @Sendable (String) async -> Void
    private let initialRefreshToken: String
    private let staleTokenError: SourcesError?
    private let clock = ContinuousClock()
    private var current: (token: String, expires: ContinuousClock.Instant)?
    private var refreshing: Task<String, any Error>?
    /// How many refreshes were made (tests read it).
    private(set) var refreshCount = 0

    init(tokenURL: String, clientID: String, clientSecret: String?, refreshToken: String,
         transport: HTTPTransport, staleTokenError: SourcesError? = nil, onRotation: @escaping @Sendable (String) async -> Void) {
        self.tokenURL = tokenURL; self.clientID = clientID; self.clientSecret = clientSecret
        self.refreshToken = refreshToken; self.transport = transport; self.onRotation = onRotation
        self.initialRefreshToken = refreshToken; self.staleTokenError = staleTokenError
    }

    func accessToken() async throws -> String {
        if let current, clock.now < current.expires { return current.token }
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.refresh() }
        refreshing = task
        defer { refreshing = nil }
        return try await task.value
    }

    func invalidate(_ token: String) async {
        if current?.token == token { current = nil }
    }

    private func refresh() async throws -> String {
        var form = [("grant_type", "refresh_token"), ("refresh_token", refreshToken), ("client_id", clientID)]
        if let clientSecret { form.append(("client_secret", clientSecret)) }
        let request = APIRequest(
            service: .husbandry, item: "access token", method: .POST, url: tokenURL,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(FormEncoding.encode(form).utf8)
        )
        let answer: OAuthTokenResponse
        do {
            answer = try await transport.fetch(request, decode: OAuthTokenResponse.decode).value
        } catch SourcesError.serviceError(_, _, _, let message), SourcesError.unauthorized(_, _, _, let message?) {
            let parts = message.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let error = parts.first ?? message
            if error == "invalid_grant", refreshToken == initialRefreshToken, let staleTokenError { throw staleTokenError }
            throw SourcesError.oauth(service: .husbandry, error: error, description: parts.count > 1 ? parts[1] : nil)
        }
        refreshCount += 1
        // Refresh a little early: a minute for the documented hour, a tenth for short-lived tokens.
        let lifetime = Duration.seconds(max(0, answer.expiresIn))
        current = (answer.accessToken, clock.now + lifetime - min(.seconds(60), lifetime / 10))
        if let rotated = answer.refreshToken, rotated != refreshToken {
            refreshToken = rotated
            await onRotation(rotated)
        }
        return answer.accessToken
    }
}
