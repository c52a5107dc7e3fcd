import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSources

/// 401/403 are not retried and their messages name the service and item, never the secret.
@Suite struct AuthorizationTests {
    @Test func aRefusedEquictyKeyStopsTheRunWithoutLeakingIt() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let key = "wrong-key-\(UUID().uuidString)"
            var credentials = SourcesTest.credentials(sandbox)
            credentials.equictyAPIKey = key
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder())
            let error = await #expect(throws: SourcesError.self) {
                try await SourcesTest.fetcher(config, credentials).fetch(mode: .network)
            }
            let text = String(describing: try #require(error))
            #expect(!text.contains(key))
            #expect(text.contains("Equicty"))
            #expect(text.contains("horse list (en)"))
            #expect(text.contains("401"))
            guard case .listingFailed(_, _, .unauthorized) = error else {
                Issue.record("expected an unauthorized listing failure, got \(String(describing: error))")
                return
            }
            #expect(await sandbox.requestLog.requests(to: .equicty).count == 1, "401 is not retried")
        }
    }

    @Test func aRefusedUserKeyIsNamedByServiceNotByValue() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let key = String(repeating: "f", count: 32)
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), equicty: false, husbandry: .v1)
            let error = await #expect(throws: SourcesError.self) {
                try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox, userKeys: [key])).fetch(mode: .network)
            }
            let text = String(describing: try #require(error))
            #expect(!text.contains(key))
            #expect(text.contains("Husbandry Pro"))
            #expect(text.contains("animals page 1"))
        }
    }

    @Test func aMissingCredentialIsNamedBeforeAnyRequest() async throws {
        try await SourcesTest.withSandbox { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: try SourcesTest.temporaryFolder(), husbandry: .v2)
            var credentials = SourcesTest.credentials(sandbox)
            credentials.husbandryRefreshToken = nil
            await #expect(throws: SourcesError.missingCredential(
                service: .husbandry, name: "a refresh token (v2)",
                hint: "run `paddock login husbandry`, or set PADDOCK_HUSBANDRY_REFRESH_TOKEN on cron hosts")) {
                try await SourcesTest.fetcher(config, credentials).fetch(mode: .network)
            }
            #expect(await sandbox.requestLog.requests.isEmpty)
        }
    }

    @Test func scrubsSecretsFromServerText() {
        let scrubber = SecretScrubber(secrets: ["sk-123456", "abc"])
        #expect(scrubber.scrub("invalid key sk-123456 for abc") == "invalid key *** for abc")
    }
}
