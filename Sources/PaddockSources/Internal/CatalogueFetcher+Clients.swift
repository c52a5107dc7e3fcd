import Foundation

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
            let provider = HusbandryTokenProvider(
                tokenURL: husbandry.resolvedTokenURL, clientID: credentials.husbandryClientID ?? "",
                clientSecret: credentials.husbandryClientSecret, refreshToken: credentials.husbandryRefreshToken ?? "",
                transport: transport, onRotation: { [credentialsFile] token in
                    await CatalogueFetcher.saveRotated(token, to: credentialsFile, journal: journal)
                }
            )
            return HusbandryClient(configuration: husbandry, access: .oauth(provider), store: store)
        }
    }

    /// Keeps a rotated refresh token in the credentials file, leaving the file's other keys as they were.
    static func saveRotated(_ token: String, to file: URL?, journal: FetchJournal) async {
        guard let file else {
            await journal.warn("Husbandry Pro issued a new refresh token but no credentials file is configured to keep it; run `paddock login husbandry` before the current one expires")
            return
        }
        do {
            var stored = try Credentials.load(file: file, environment: [:])
            stored.husbandryRefreshToken = token
            try stored.save(to: file)
            if ProcessInfo.processInfo.environment["PADDOCK_HUSBANDRY_REFRESH_TOKEN"] != nil {
                await journal.warn("Husbandry Pro rotated the refresh token; the new one is saved in \(file.path), so PADDOCK_HUSBANDRY_REFRESH_TOKEN is now stale: update or remove it")
            }
        } catch {
            await journal.warn("Husbandry Pro issued a new refresh token that could not be saved: \(error)")
        }
    }
}
