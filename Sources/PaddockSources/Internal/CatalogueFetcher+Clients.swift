import Foundation
import Logging

extension CatalogueFetcher {
    /// Child tasks per listing: twice the bound on requests, so that a task decoding or caching its
    /// answer does not leave a request slot idle. The shared limiter keeps the bound itself.
    var taskWidth: Int { max(1, configuration.maxConcurrentRequests) * 2 }

    /// Refuses to start a network fetch whose configured sources lack their credentials.
    func checkCredentials() throws {
        if configuration.equicty != nil, credentials.equictyAPIKey == nil {
            throw SourcesError.missingCredential(service: .equicty, name: "an API key",
                                                 hint: "set PADDOCK_EQUICTY_API_KEY or equicty_api_key in the credentials file")
        }
        if configuration.smaxtec != nil, credentials.smaxtecEmail == nil || credentials.smaxtecPassword == nil {
            throw SourcesError.missingCredential(service: .smaxtec, name: "the email and password of its user",
                                                 hint: "set PADDOCK_SMAXTEC_EMAIL and PADDOCK_SMAXTEC_PASSWORD, or smaxtec_email and smaxtec_password in the credentials file")
        }
        guard let husbandry = configuration.husbandry else { return }
        switch husbandry.version {
        case .v1:
            if (credentials.husbandryUserKeys ?? []).isEmpty {
                throw SourcesError.missingCredential(service: .husbandry, name: "at least one user key (v1)",
                                                     hint: "set PADDOCK_HUSBANDRY_USER_KEYS or husbandry_user_keys in the credentials file")
            }
        case .v2:
            if credentials.husbandryClientID == nil {
                throw SourcesError.missingCredential(service: .husbandry, name: "an OAuth client id (v2)",
                                                     hint: "set PADDOCK_HUSBANDRY_CLIENT_ID or husbandry_client_id in the credentials file")
            }
            if credentials.husbandryRefreshToken == nil {
                throw SourcesError.missingCredential(service: .husbandry, name: "a refresh token (v2)",
                                                     hint: "run `paddock login husbandry`, or set PADDOCK_HUSBANDRY_REFRESH_TOKEN on cron hosts")
            }
        }
    }

    func equictyClient(store: ResponseStore) throws -> EquictyClient? {
        guard let equicty = configuration.equicty else { return nil }
        return EquictyClient(configuration: equicty, apiKey: credentials.equictyAPIKey ?? "", store: store)
    }

    func husbandryClient(store: ResponseStore, journal: FetchJournal) throws -> HusbandryClient? {
        guard let husbandry = configuration.husbandry else { return nil }
        switch husbandry.version {
        case .v1:
            return HusbandryClient(configuration: husbandry, access: .userKeys(credentials.husbandryUserKeys ?? []), store: store)
        case .v2:
            guard let transport = store.transport else {
                return HusbandryClient(configuration: husbandry, access: .userKeys([]), store: store)
            }
            let lineage = credentials.husbandryRefreshTokenReplaces
            let fromEnvironment = credentials.husbandryRefreshTokenOrigin?.isEnvironment ?? false
            let provider = HusbandryTokenProvider(
                tokenURL: husbandry.resolvedTokenURL, clientID: credentials.husbandryClientID ?? "",
                clientSecret: credentials.husbandryClientSecret, refreshToken: credentials.husbandryRefreshToken ?? "",
                transport: transport, staleTokenError: credentials.staleEnvironmentTokenError(credentialsFile: credentialsFile),
                onRotation: { [credentialsFile, logger] token in
                    await CatalogueFetcher.saveRotated(token, replacing: lineage, to: credentialsFile, journal: journal,
                                                       fromEnvironment: fromEnvironment, logger: logger)
                }
            )
            return HusbandryClient(configuration: husbandry, access: .oauth(provider), store: store)
        }
    }

    /// Keeps a rotated refresh token in the credentials file (created, 0600, when the site has none
    /// yet), leaving the file's other keys as they were.
    ///
    /// - Parameters:
    ///   - lineage: the digest of the environment token the rotated one descends from
    ///     (``Credentials/husbandryRefreshTokenReplaces``), so that later runs with the same
    ///     environment use the saved token instead of the spent one; `nil` for a chain that began
    ///     in the file.
    ///   - fromEnvironment: the run's token came from the environment (the log then says that the
    ///     file's token takes its place).
    static func saveRotated(_ token: String, replacing lineage: String?, to file: URL?, journal: FetchJournal,
                            fromEnvironment: Bool = false, logger: Logger? = nil) async {
        guard let file else {
            await journal.warn("Husbandry Pro issued a new refresh token but no credentials file is configured to keep it; run `paddock login husbandry` before the current one expires")
            return
        }
        do {
            var stored = try Credentials.load(file: file, environment: [:])
            stored.husbandryRefreshToken = token
            stored.husbandryRefreshTokenReplaces = lineage
            try stored.save(to: file)
            if fromEnvironment {
                logger?.info("Husbandry Pro rotated the refresh token from \(Credentials.refreshTokenVariable); the new one is saved in \(file.path) and is used in its place while the variable keeps its current value")
            }
        } catch {
            await journal.warn("Husbandry Pro issued a new refresh token that could not be saved: \(error)")
        }
    }
}
