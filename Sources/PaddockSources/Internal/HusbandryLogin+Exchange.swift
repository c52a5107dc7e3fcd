import AsyncHTTPClient
import Foundation

extension HusbandryLogin {
    /// `POST access_token` with `grant_type=authorization_code`, through the same HTTP layer as fetches.
    func exchange(code: String, redirectURI: String) async throws -> OAuthTokenResponse {
        var form = [("grant_type", "authorization_code"), ("code", code), ("client_id", clientID), ("redirect_uri", redirectURI)]
        if let clientSecret { form.append(("client_secret", clientSecret)) }
        let request = APIRequest(
            service: .husbandry, item: "authorization code exchange", method: .POST, url: configuration.resolvedTokenURL,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(FormEncoding.encode(form).utf8)
        )
        let sources = SourcesConfiguration(maxConcurrentRequests: 1, cacheFolder: FileManager.default.temporaryDirectory)
        return try await HTTPClient.withHTTPClient(configuration: HTTPTransport.clientConfiguration(for: sources)) { client in
            let transport = HTTPTransport(client: client, configuration: sources,
                                          secrets: [code, clientSecret].compactMap { $0 }, logger: logger)
            do {
                return try await transport.fetch(request, decode: OAuthTokenResponse.decode).value
            } catch SourcesError.serviceError(_, _, _, let message), SourcesError.unauthorized(_, _, _, let message?) {
                let parts = message.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                throw SourcesError.oauth(service: .husbandry, error: parts.first ?? message, description: parts.count > 1 ? parts[1] : nil)
            }
        }
    }
}
