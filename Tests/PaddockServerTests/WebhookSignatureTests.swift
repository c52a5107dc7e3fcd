import Testing
@testable import PaddockServer

@Suite struct WebhookSignatureTests {
    let github = WebhookSignature(secret: "It's a Secret to Everybody")
    let body = Array("Hello, World!".utf8)
    let vector = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"

    @Test func acceptsGitHubsDocumentedTestVector() throws {
        try github.verify(header: vector, body: body)
    }

    @Test func signsTheGitHubTestVectorToItsDocumentedValue() {
        #expect(github.sign(body) == vector)
    }

    @Test func acceptsUppercaseHexAndAlgorithmName() throws {
        try github.verify(header: "SHA256=" + vector.dropFirst(7).uppercased(), body: body)
    }

    @Test(arguments: [
        (String?.none, WebhookSignatureError.missing),
        ("", .missing),
        ("sha1=757107ea0eb2509fc211221cce984b8a37570b6d", .unsupportedAlgorithm("sha1")),
        ("sha512=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", .unsupportedAlgorithm("sha512")),
        ("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", .malformed),
        ("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1", .malformed),
        ("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17aa", .malformed),
        ("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", .malformed),
        ("sha256=857107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", .mismatch),
    ] as [(String?, WebhookSignatureError)])
    func refusesBadHeadersWithTheReason(header: String?, expected: WebhookSignatureError) {
        #expect(throws: expected) { try github.verify(header: header, body: body) }
    }

    @Test func refusesTheRightSignatureOverADifferentBody() {
        #expect(throws: WebhookSignatureError.mismatch) { try github.verify(header: vector, body: Array("Hello, World?".utf8)) }
    }

    @Test func refusesASignatureMadeWithAnotherSecret() {
        let other = WebhookSignature(secret: "another secret")
        #expect(throws: WebhookSignatureError.mismatch) { try github.verify(header: other.sign(body), body: body) }
    }

    @Test func errorMessagesNeverContainTheSecretOrTheExpectedSignature() {
        let errors: [WebhookSignatureError] = [.missing, .unsupportedAlgorithm("md5"), .malformed, .mismatch]
        for error in errors {
            #expect(!error.description.contains("Secret to Everybody"))
            #expect(!error.description.contains("757107ea"))
        }
    }
}
