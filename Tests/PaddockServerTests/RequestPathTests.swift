import Testing
@testable import PaddockServer

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", [String](), true),
        ("/en/", ["en"], true),
        ("/en", ["en"], false),
        ("/en/horses/bella.html", ["en", "horses", "bella.html"], false),
        ("//en//./horses/", ["en", "horses"], true),
        ("/caf%C3%A9.html", ["café.html"], false),
        ("/%252e%252e/secret.txt", ["%2e%2e", "secret.txt"], false),
        ("/a%20b.txt", ["a b.txt"], false),
    ])
    func decodesOnceAndDropsEmptyAndDotSegments(raw: String, segments: [String], trailingSlash: Bool) throws {
        let path = try RequestPath(raw: raw)
        #expect(path.segments == segments)
        #expect(path.trailingSlash == trailingSlash)
    }

    @Test(arguments: [
        ("/../secret.txt", RequestPathError.traversal),
        ("/en/../../secret.txt", .traversal),
        ("/%2e%2e/secret.txt", .traversal),
        ("/%2E%2E/secret.txt", .traversal),
        ("/.%2e/secret.txt", .traversal),
        ("/%2e%2e%2fsecret.txt", .forbiddenCharacter),
        ("/..%2fsecret.txt", .forbiddenCharacter),
        ("/..%5csecret.txt", .forbiddenCharacter),
        ("/..\\secret.txt", .forbiddenCharacter),
        ("/index.html%00.png", .forbiddenCharacter),
        ("/index.html\u{0}.png", .forbiddenCharacter),
        ("/%zz", .invalidEncoding),
        ("/%2", .invalidEncoding),
        ("/%ff%fe", .invalidEncoding),
        ("secret.txt", .notAbsolute),
    ])
    func refusesEverythingThatCouldLeaveTheSite(raw: String, expected: RequestPathError) {
        #expect(throws: expected) { try RequestPath(raw: raw) }
    }

    @Test func reencodesForTheLocationHeaderWithOneLeadingSlash() throws {
        var path = try RequestPath(raw: "//evil.example/caf%C3%A9")
        path.trailingSlash = true
        #expect(path.encoded == "/evil.example/caf%C3%A9/")
    }
}
