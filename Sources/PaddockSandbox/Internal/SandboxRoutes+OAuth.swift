import Foundation
import Hummingbird

/// Husbandry v2's authorisation server: `authorize` (approves at once) and `access_token`.
extension SandboxResponder {
    static let knownScopes: Set<String> = ["profile.read", "animal.read", "animal.activities.read", "activity.read"]

    func addOAuthRoutes(to router: Router<SandboxRequestContext>) {
        let group = router.group("husbandry/api/v2/auth_code.php")
        group.get("authorize") { request, context in
            try await handle(.husbandryOAuth, request, context) { input, _ in await authorize(input) }
        }
        group.post("access_token") { request, context in
            try await handle(.husbandryOAuth, request, context) { input, _ in await accessToken(input) }
        }
    }

    func authorize(_ input: RouteInput) async -> SandboxReply {
        let q = input.query
        guard let redirect = q.first("redirect_uri"), let redirectURL = URLComponents(string: redirect),
              redirectURL.scheme == "http" || redirectURL.scheme == "https" else {
            return .html("<h1>Invalid redirect_uri</h1><p>redirect_uri is missing or not an http(s) URL.</p>", status: 400)
        }
        if options.requireHTTPSRedirectURI && redirectURL.scheme != "https" {
            return .html("<h1>Invalid redirect_uri</h1><p>The redirect_uri must have the https:// prefix.</p>", status: 400)
        }
        guard q.first("client_id") == options.husbandryClientID else {
            return .html("<h1>Unknown client</h1><p>client_id is missing or not registered.</p>", status: 400)
        }
        let state = q.first("state")
        func back(_ items: [(String, String?)]) -> SandboxReply {
            var url = redirectURL
            var query = url.queryItems ?? []
            for (name, value) in items where value != nil { query.append(URLQueryItem(name: name, value: value)) }
            url.queryItems = query
            url.percentEncodedQuery = url.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
            return .redirect(to: url.string ?? redirect)
        }
        guard q.first("response_type") == "code" else {
            return back([("error", "unsupported_response_type"), ("error_description", "response_type must be code"), ("state", state)])
        }
        guard let state, !state.isEmpty else {
            return back([("error", "invalid_request"), ("error_description", "The state parameter must be non-empty")])
        }
        let scopes = Set((q.first("scope") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
        if scopes.isEmpty || !scopes.isSubset(of: Self.knownScopes) {
            return back([("error", "invalid_scope"), ("error_description", "The requested scope is invalid, unknown, or malformed"), ("state", state)])
        }
        if options.denyAuthorization {
            return back([("error", "access_denied"), ("error_description", "The resource owner or authorization server denied the request."),
                         ("error_uri", "https://husbandry.pro/api/v2/#errors"), ("state", state)])
        }
        let code = await oauth.issueCode(clientID: options.husbandryClientID, redirectURI: redirect, scopes: scopes)
        return back([("code", code), ("state", state)])
    }

    func accessToken(_ input: RouteInput) async -> SandboxReply {
        let form = FormFields(input.bodyText)
        let json = JSONBody(input.body)
        // Client credentials in the body (as the document's example) or as HTTP Basic (RFC 6749 2.3.1).
        let basic = Self.basicCredentials(input.header("Authorization"))
        func field(_ key: String) -> String? { form.first(key) ?? json?.string(key) }
        guard (field("client_id") ?? basic?.user) == options.husbandryClientID else {
            return .json(HusbandryWire.error("invalid_client", "Client authentication failed"), status: 401)
        }
        if let secret = field("client_secret") ?? basic?.password, secret != options.husbandryClientSecret {
            return .json(HusbandryWire.error("invalid_client", "Client authentication failed"), status: 401)
        }
        let issued: (access: String, refresh: String, scopes: Set<String>)?
        switch field("grant_type") {
        case "authorization_code":
            guard let code = field("code") else {
                return .json(HusbandryWire.error("invalid_request", "The code parameter is missing"), status: 400)
            }
            issued = await oauth.exchange(code: code, clientID: options.husbandryClientID, redirectURI: field("redirect_uri"))
        case "refresh_token":
            guard let token = field("refresh_token") else {
                return .json(HusbandryWire.error("invalid_request", "The refresh_token parameter is missing"), status: 400)
            }
            issued = await oauth.refresh(token: token, clientID: options.husbandryClientID)
        default:
            return .json(HusbandryWire.error("unsupported_grant_type", "The authorization grant type is not supported"), status: 400)
        }
        guard let issued else {
            return .json(HusbandryWire.error("invalid_grant", "The authorization code or refresh token is invalid, expired or revoked"), status: 400)
        }
        let seconds = Int(options.accessTokenLifetime.components.seconds)
        return .json(.object([
            ("access_token", .string(issued.access)), ("token_type", .string("Bearer")),
            ("expires_in", .int(seconds)), ("refresh_token", .string(issued.refresh)),
            ("scope", .string(issued.scopes.sorted().joined(separator: " "))),
        ]), headers: [("Cache-Control", "no-store")])
    }

    static func basicCredentials(_ header: String?) -> (user: String, password: String)? {
        guard let header, header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { FormFields.decode(String($0)) }
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }
}
