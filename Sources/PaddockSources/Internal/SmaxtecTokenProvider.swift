import Foundation

/// smaXtec bearer tokens from the user's email and password (`GET /v1/user/get_token`), one
/// sign-in at a time however many requests ask. After a 401 (``invalidate(_:)``) the next request
/// signs in again; a request refused with a fresh token fails (the transport retries a 401 once).
///
/// The sign-in URL carries the password in its query, as the API demands. It is sent through the
/// transport, never through the response cache, and the transport logs and reports requests by
/// their item ("sign-in token") and their URL without its query; the credentials are scrubbed from
/// any text a server or library sends back.
actor SmaxtecTokenProvider: AccessTokenProviding {
    private let baseURL: String
    private let email: String
    private let password: String
    private let transport: HTTPTransport
    private var current: String?
    private var signingIn: Task<String, any Error>?
    /// How many tokens were fetched (tests read it).
    private(set) var signIns = 0

    init(baseURL: String, email: String, password: String, transport: HTTPTransport) {
        self.baseURL = baseURL; self.email = email; self.password = password; self.transport = transport
    }

    func accessToken() async throws -> String {
        if let current { return current }
        if let signingIn { return try await signingIn.value }
        let task = Task { try await self.signIn() }
        signingIn = task
        defer { signingIn = nil }
        return try await task.value
    }

    func invalidate(_ token: String) async {
        if current == token { current = nil }
    }

    private func signIn() async throws -> String {
        let request = APIRequest(
            service: .smaxtec, item: "sign-in token", method: .GET,
            url: baseURL + "/v1/user/get_token?" + FormEncoding.encode([("email", email), ("password", password)]),
            headers: [("Accept", "application/json")], expects: .json
        )
        let token = try await transport.fetch(request, decode: SmaxtecBody.token).value
        signIns += 1
        current = token
        return token
    }
}
