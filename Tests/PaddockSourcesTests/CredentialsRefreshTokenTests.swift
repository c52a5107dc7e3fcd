import Foundation
import Testing
@testable import PaddockSources

/// Which Husbandry refresh token a run uses when the environment and the credentials file both hold one.
@Suite struct CredentialsRefreshTokenTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var fileToken: String?
        /// The environment token the file's token descends from (its digest is what is stored).
        var fileDescendsFrom: String?
        var environmentToken: String?
        var expectedToken: String?
        var expectedOrigin: RefreshTokenOrigin?
    }

    static let cases: [Case] = [
        Case(description: "file only", fileToken: "F", environmentToken: nil, expectedToken: "F", expectedOrigin: .credentialsFile),
        Case(description: "environment only", fileToken: nil, environmentToken: "E", expectedToken: "E",
             expectedOrigin: .environment(shadowsFileToken: false)),
        Case(description: "the file's token was rotated from the environment's", fileToken: "F", fileDescendsFrom: "E",
             environmentToken: "E", expectedToken: "F", expectedOrigin: .credentialsFile),
        Case(description: "a new environment token, the file's descends from an older one", fileToken: "F", fileDescendsFrom: "OLD",
             environmentToken: "E", expectedToken: "E", expectedOrigin: .environment(shadowsFileToken: true)),
        Case(description: "a login token in the file, another in the environment", fileToken: "F", environmentToken: "E",
             expectedToken: "E", expectedOrigin: .environment(shadowsFileToken: true)),
        Case(description: "the same token in both", fileToken: "E", environmentToken: "E", expectedToken: "E",
             expectedOrigin: .environment(shadowsFileToken: false)),
        Case(description: "neither", fileToken: nil, environmentToken: nil, expectedToken: nil, expectedOrigin: nil),
    ]

    @Test(arguments: cases)
    func theEnvironmentWinsUnlessTheFileHoldsItsSuccessor(_ example: Case) throws {
        let file = try SourcesTest.temporaryFolder().appending(path: "credentials.json")
        var stored = Credentials(husbandryClientID: "client", husbandryRefreshToken: example.fileToken)
        stored.husbandryRefreshTokenReplaces = example.fileDescendsFrom.map(Credentials.refreshTokenDigest)
        try stored.save(to: file)
        let environment = example.environmentToken.map { ["PADDOCK_HUSBANDRY_REFRESH_TOKEN": $0] } ?? [:]
        let loaded = try Credentials.load(file: file, environment: environment)
        #expect(loaded.husbandryRefreshToken == example.expectedToken)
        #expect(loaded.husbandryRefreshTokenOrigin == example.expectedOrigin)
        // What a rotation in this run records: the chain of the environment token in use, else the file's own.
        let lineage = example.expectedOrigin?.isEnvironment == true ? example.environmentToken : example.fileDescendsFrom
        #expect(loaded.husbandryRefreshTokenReplaces == lineage.map(Credentials.refreshTokenDigest))
    }

    @Test func theFileRecordsADigestOfTheEnvironmentTokenNeverTheToken() throws {
        let digest = Credentials.refreshTokenDigest("abc")
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        #expect(digest == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let file = try SourcesTest.temporaryFolder().appending(path: "credentials.json")
        var credentials = Credentials(husbandryRefreshToken: "rotated-token")
        credentials.husbandryRefreshTokenReplaces = digest
        try credentials.save(to: file)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("\"husbandry_refresh_token_replaces\" : \"\(digest)\""))
        #expect(!text.contains("\"abc\""))
        #expect(try Credentials.load(file: file, environment: [:]).husbandryRefreshTokenReplaces == digest)
    }
}
