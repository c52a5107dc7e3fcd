import Foundation
@testable import PaddockSandbox

/// Walks the sandbox's OAuth flow the way a client does, for the tests.
struct OAuthFlow {
    let http: SandboxHTTP
    let sandbox: SandboxServer
    let redirectURI = "http://127.0.0.1:53682/callback"

    func authorizeURL(state: String, scope: String = "animal.read profile.read") -> String {
        var c = URLComponents(string: sandbox.husbandryAuthorizeURL)!
        c.queryItems = [
            .init(name: "response_type", value: "code"), .init(name: "client_id", value: sandbox.options.husbandryClientID),
            .init(name: "redirect_uri", value: redirectURI), .init(name: "scope", value: scope), .init(name: "state", value: state),
        ]
        // URLComponents leaves "+" alone, which a form decoder reads as a space.
        c.percentEncodedQuery = c.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return c.string!
    }

    /// The redirect's query items.
    func authorize(state: String, scope: String = "animal.read profile.read") async throws -> [String: String] {
        let answer = try await http.send(authorizeURL(state: state, scope: scope))
        guard answer.status == 302, let location = answer.headers.first(name: "location"),
              let items = URLComponents(string: location)?.queryItems else {
            throw SandboxHTTP.TestFailure("authorize answered \(answer.status): \(answer.text)")
        }
        guard location.hasPrefix(redirectURI) else { throw SandboxHTTP.TestFailure("redirected elsewhere: \(location)") }
        return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    func token(_ fields: [String: String]) async throws -> SandboxHTTP.Answer {
        var all = fields
        all["client_id"] = all["client_id"] ?? sandbox.options.husbandryClientID
        let body = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        return try await http.send(sandbox.husbandryTokenURL, method: .POST,
                                   headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
    }

    /// Authorises and exchanges the code: (access token, refresh token).
    func login() async throws -> (access: String, refresh: String) {
        let redirect = try await authorize(state: "s-\(UUID().uuidString)")
        let answer = try await token(["grant_type": "authorization_code", "code": redirect["code"] ?? "", "redirect_uri": redirectURI])
        let body = try answer.object()
        guard let access = body["access_token"] as? String, let refresh = body["refresh_token"] as? String else {
            throw SandboxHTTP.TestFailure("token answered \(answer.status): \(answer.text)")
        }
        return (access, refresh)
    }

    func animals(_ query: String, token: String) async throws -> SandboxHTTP.Answer {
        try await http.send(sandbox.husbandryV2APIURL + "/animals" + query, headers: [("Authorization", "Bearer \(token)")])
    }
}
