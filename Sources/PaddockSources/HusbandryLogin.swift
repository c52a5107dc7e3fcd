import Foundation
import Logging

/// `paddock login husbandry`: the OAuth 2.0 authorization code grant against Husbandry Pro v2,
/// ending with the refresh token saved in the credentials file (mode 0600).
///
/// ```swift
/// let login = HusbandryLogin(configuration: husbandry, clientID: id, clientSecret: secret,
///                            credentialsFile: file, callbackPort: 8976, logger: logger)
/// let result = try await login.run { invitation in print("Open \(invitation.authorizeURL)") }
/// ```
package struct HusbandryLogin: Sendable {
    package let configuration: HusbandrySourceConfiguration
    let clientID: String
    let clientSecret: String?
    package let credentialsFile: URL
    package let callbackHost: String
    package let callbackPort: Int
    package let timeout: Duration
    let logger: Logger

    /// - Parameters:
    ///   - callbackPort: the loopback port of `redirect_uri` (`http://127.0.0.1:PORT/callback`, as
    ///     registered for the app); 0 picks a free one (tests).
    ///   - timeout: how long to wait for the browser's redirect.
    package init(configuration: HusbandrySourceConfiguration, clientID: String, clientSecret: String?,
                credentialsFile: URL, callbackHost: String = "127.0.0.1", callbackPort: Int = 0,
                timeout: Duration = .seconds(300), logger: Logger) {
        self.configuration = configuration; self.clientID = clientID; self.clientSecret = clientSecret
        self.credentialsFile = credentialsFile; self.callbackHost = callbackHost; self.callbackPort = callbackPort
        self.timeout = timeout; self.logger = logger
    }

    /// Runs the flow: starts the loopback listener, hands the authorize URL to `present` (print
    /// it, open a browser), waits for the redirect, checks its state, exchanges the code and saves
    /// the refresh token.
    /// - Throws: ``LoginError`` for the redirect, ``SourcesError`` for the code exchange,
    ///   ``CredentialsError`` when the file cannot be written.
    package func run(present: @escaping @Sendable (LoginInvitation) async -> Void) async throws -> LoginResult {
        let state = LoginState.generate()
        let mailbox = LoginCallbackMailbox(expectedState: state)
        let listener = try await LoginListener.start(host: callbackHost, port: callbackPort, mailbox: mailbox, logger: logger)
        let redirectURI = "http://\(callbackHost):\(listener.port)/callback"
        let code: String
        do {
            await present(LoginInvitation(authorizeURL: authorizeURL(redirectURI: redirectURI, state: state), redirectURI: redirectURI))
            code = try await waitForCode(mailbox)
            await listener.stop()
        } catch {
            await listener.stop()
            throw error
        }
        let answer = try await exchange(code: code, redirectURI: redirectURI)
        guard let refreshToken = answer.refreshToken else { throw LoginError.noRefreshToken }
        var stored = try Credentials.load(file: credentialsFile, environment: [:])
        stored.husbandryRefreshToken = refreshToken
        stored.husbandryRefreshTokenReplaces = nil   // a new chain, not rotated from any environment token
        if stored.husbandryClientID == nil { stored.husbandryClientID = clientID }
        try stored.save(to: credentialsFile)
        logger.info("saved the Husbandry Pro refresh token", metadata: ["credentials.file": "\(credentialsFile.path)"])
        return LoginResult(credentialsFile: credentialsFile, redirectURI: redirectURI, accessTokenLifetimeSeconds: answer.expiresIn)
    }

    /// The authorize URL: `response_type=code`, `client_id`, `redirect_uri`, `scope`, `state`.
    func authorizeURL(redirectURI: String, state: String) -> String {
        let query = FormEncoding.encode([
            ("response_type", "code"), ("client_id", clientID), ("redirect_uri", redirectURI),
            ("scope", HusbandrySourceConfiguration.scopes.joined(separator: " ")), ("state", state),
        ])
        let base = configuration.resolvedAuthorizeURL
        return base + (base.contains("?") ? "&" : "?") + query
    }

    private func waitForCode(_ mailbox: LoginCallbackMailbox) async throws -> String {
        try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                for await outcome in mailbox.outcomes {
                    switch outcome {
                    case .code(let code): return code
                    case .failed(let error): throw error
                    }
                }
                throw CancellationError()
            }
            group.addTask { [timeout] in
                try await Task.sleep(for: timeout)
                throw LoginError.timedOut(seconds: Int(timeout.components.seconds))
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
