import AsyncHTTPClient
import Foundation
import PaddockSandbox
import PaddockTestSupport
import Testing
@testable import PaddockSources

/// `paddock login husbandry` end to end over loopback, and the refresh of access tokens in builds.
@Suite struct OAuthTests {
    /// Opens the authorize URL like a browser: the sandbox approves at once and redirects; the
    /// redirect is followed to the login's listener, after `rewrite` had its way with it.
    static func browse(_ url: String, rewrite: @Sendable (String) -> String = { $0 }) async throws -> (status: Int, page: String) {
        var config = HTTPClient.Configuration()
        config.redirectConfiguration = .disallow
        return try await HTTPClient.withHTTPClient(configuration: config) { client in
            let authorize = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
            guard authorize.status.code == 302, let location = authorize.headers.first(name: "Location") else {
                throw SourcesError.httpStatus(service: .husbandry, item: "authorize", status: Int(authorize.status.code), tries: 1)
            }
            let callback = try await client.execute(HTTPClientRequest(url: rewrite(location)), timeout: .seconds(10))
            let body = try await callback.body.collect(upTo: 1 << 20)
            return (Int(callback.status.code), String(buffer: body))
        }
    }

    static func login(_ sandbox: SandboxServer, file: URL) -> HusbandryLogin {
        HusbandryLogin(configuration: HusbandrySourceConfiguration(baseURL: sandbox.husbandryBaseURL),
                       clientID: sandbox.options.husbandryClientID, clientSecret: sandbox.options.husbandryClientSecret,
                       credentialsFile: file, callbackPort: 0, timeout: .seconds(30), logger: SourcesTest.logger)
    }

    @Test func loginSavesTheRefreshTokenInAnOwnerOnlyFileThatBuildsUse() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let file = try SourcesTest.temporaryFolder().appending(path: "secrets/credentials.json")
            let seen = LockedBox<(Int, String)?>(nil)
            let result = try await Self.login(sandbox, file: file).run { invitation in
                #expect(invitation.authorizeURL.contains("response_type=code"))
                #expect(invitation.authorizeURL.contains("scope=animal.read"))
                #expect(invitation.authorizeURL.contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"))
                seen.set(try? await Self.browse(invitation.authorizeURL))
            }
            #expect(seen.get()?.0 == 200)
            #expect(seen.get()?.1.contains("Signed in") == true)
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let stored = try Credentials.load(file: result.credentialsFile, environment: [:])
            let token = try #require(stored.husbandryRefreshToken)
            #expect(stored.husbandryClientID == sandbox.options.husbandryClientID)

            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v2)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox, refreshToken: token)).fetch(mode: .network)
            #expect(!report.catalogues[0].animals.isEmpty)
        }
    }

    @Test(arguments: [("forged", false), ("", true)])
    func loginRejectsAWrongOrMissingState(replacement: String, missing: Bool) async throws {
        try await SourcesTest.withSandbox { sandbox in
            let file = try SourcesTest.temporaryFolder().appending(path: "credentials.json")
            let seen = LockedBox<Int?>(nil)
            await #expect(throws: LoginError.stateMismatch(missing: missing)) {
                try await Self.login(sandbox, file: file).run { invitation in
                    let answer = try? await Self.browse(invitation.authorizeURL) { location in
                        let parts = location.split(separator: "?", maxSplits: 1)
                        var query = FormEncoding.decode(parts[1])
                        query["state"] = replacement.isEmpty ? nil : replacement
                        return String(parts[0]) + "?" + FormEncoding.encode(query.sorted { $0.key < $1.key })
                    }
                    seen.set(answer?.status)
                }
            }
            #expect(seen.get() == 400)
            #expect(!FileManager.default.fileExists(atPath: file.path), "nothing is saved")
        }
    }

    @Test func loginShowsAnErrorRedirect() async throws {
        var options = SandboxOptions()
        options.denyAuthorization = true
        try await SourcesTest.withSandbox(options) { sandbox in
            let file = try SourcesTest.temporaryFolder().appending(path: "credentials.json")
            let page = LockedBox<String?>(nil)
            let error = await #expect(throws: LoginError.self) {
                try await Self.login(sandbox, file: file).run { invitation in page.set(try? await Self.browse(invitation.authorizeURL).page) }
            }
            guard case .authorizationDenied("access_denied", let description?) = error else {
                Issue.record("expected access_denied with a description, got \(String(describing: error))")
                return
            }
            #expect(page.get()?.contains("access_denied") == true)
            #expect(page.get()?.contains("Access not granted") == true)
            #expect(!description.isEmpty)
        }
    }

    @Test func refreshesOn401AndWhenExpiredAndKeepsTheRotatedToken() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let original = await sandbox.mintRefreshToken()
            let file = try SourcesTest.temporaryFolder().appending(path: "credentials.json")
            try Credentials(husbandryRefreshToken: original).save(to: file)
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v2)

            try await HTTPClient.withHTTPClient { client in
                let transport = HTTPTransport(client: client, configuration: config, secrets: [], logger: SourcesTest.logger)
                let journal = FetchJournal(logger: SourcesTest.logger)
                let provider = HusbandryTokenProvider(
                    tokenURL: config.husbandry!.resolvedTokenURL, clientID: sandbox.options.husbandryClientID,
                    clientSecret: sandbox.options.husbandryClientSecret, refreshToken: original, transport: transport,
                    onRotation: { await CatalogueFetcher.saveRotated($0, replacing: nil, to: file, journal: journal) })
                let store = ResponseStore(mode: .network, transport: transport, cache: ResponseCache(folder: config.cacheFolder), logger: SourcesTest.logger)
                let husbandry = HusbandryClient(configuration: config.husbandry!, access: .oauth(provider), store: store)

                _ = try await husbandry.page(1)
                _ = try await husbandry.page(1)
                #expect(await provider.refreshCount == 1, "a valid token is reused")
                await sandbox.expireAccessTokens()
                let page = try await husbandry.page(1)
                #expect(!page.value.animals.isEmpty)
                #expect(await provider.refreshCount == 2, "a 401 refreshes once and the request goes through")
                #expect(await journal.warnings.isEmpty)
            }
            let rotated = try #require(try Credentials.load(file: file, environment: [:]).husbandryRefreshToken)
            #expect(rotated != original, "the rotated refresh token was saved")
            // The old token no longer works; the saved one does.
            await #expect(throws: SourcesError.self) {
                try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox, refreshToken: original)).fetch(mode: .network)
            }
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox, refreshToken: rotated), credentialsFile: file)
                .fetch(mode: .network)
            #expect(!report.catalogues[0].animals.isEmpty)
        }
    }

    @Test func refreshesATokenThatExpired() async throws {
        var options = SandboxOptions()
        // The sandbox announces whole seconds: `expires_in` is 0, so each token has expired by
        // the time it is asked for again, with no waiting.
        options.accessTokenLifetime = .milliseconds(1)
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v2)
            try await HTTPClient.withHTTPClient { client in
                let transport = HTTPTransport(client: client, configuration: config, secrets: [], logger: SourcesTest.logger)
                let provider = HusbandryTokenProvider(
                    tokenURL: config.husbandry!.resolvedTokenURL, clientID: sandbox.options.husbandryClientID,
                    clientSecret: nil, refreshToken: await sandbox.mintRefreshToken(), transport: transport, onRotation: { _ in })
                let first = try await provider.accessToken()
                let second = try await provider.accessToken()
                #expect(first != second)
                #expect(await provider.refreshCount == 2)
            }
        }
    }

    @Test func aRefreshTokenFromTheEnvironmentIsUsed() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let token = await sandbox.mintRefreshToken()
            let credentials = try Credentials.load(file: nil, environment: [
                "PADDOCK_HUSBANDRY_REFRESH_TOKEN": token, "PADDOCK_HUSBANDRY_CLIENT_ID": sandbox.options.husbandryClientID,
            ])
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v2)
            let report = try await SourcesTest.fetcher(config, credentials).fetch(mode: .network)
            #expect(!report.catalogues[0].animals.isEmpty)
            #expect(report.warnings.contains { $0.contains("no credentials file") }, "the rotated token could not be kept, and the run says so")
        }
    }
}
