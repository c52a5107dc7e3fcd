import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockServer

/// A published site: `public` is a symlink to `releases/r1`; `secret.txt` lies outside it.
struct StaticFixture {
    let folder: TemporaryFolder
    var output: URL { folder.url.appending(path: "public") }

    init() throws {
        folder = try TemporaryFolder()
        let files: [String: String] = [
            "index.html": "<html><body>home</body></html>", "en/index.html": "<html><body>english</body></html>",
            "style.css": "body{}", "app.js": "1", "logo.svg": "<svg/>", "pic.png": "png", "pic.jpg": "jpg",
            "pic.webp": "webp", "sitemap.xml": "<urlset/>", "data.json": "{}", "robots.txt": "User-agent: *",
            "feed.atom": "<feed/>", "favicon.ico": "ico", "font.woff2": "woff2", "blob.unknownext": "x",
            "404.html": "<html><body>our own not-found page</body></html>", "café.html": "accented",
        ]
        for (path, text) in files { try folder.write(text, to: "releases/r1/" + path) }
        try folder.write("TOP SECRET", to: "secret.txt")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: output.path, withDestinationPath: folder.url.appending(path: "releases/r1").path)
        try fm.createSymbolicLink(atPath: folder.url.appending(path: "releases/r1/leak.txt").path, withDestinationPath: "../../secret.txt")
        try fm.createSymbolicLink(atPath: folder.url.appending(path: "releases/r1/leakdir").path, withDestinationPath: "../..")
        try fm.createSymbolicLink(atPath: folder.url.appending(path: "releases/r1/inside.txt").path, withDestinationPath: "robots.txt")
    }
}

@Suite struct StaticFileServerTests {
    func withServer(_ body: (Int, StaticFixture) async throws -> Void) async throws {
        let fixture = try StaticFixture()
        defer { fixture.folder.remove() }
        try await withRunningGroup({ serviceGroup(serving: StaticFileServer(folder: fixture.output), onListening: $0) }) { port, _ in
            try await body(port, fixture)
        }
    }

    @Test func servesEachKindOfFileWithItsContentType() async throws {
        let expected: [(String, String)] = [
            ("/index.html", "text/html; charset=utf-8"), ("/style.css", "text/css; charset=utf-8"),
            ("/app.js", "text/javascript; charset=utf-8"), ("/logo.svg", "image/svg+xml"), ("/pic.png", "image/png"),
            ("/pic.jpg", "image/jpeg"), ("/pic.webp", "image/webp"), ("/sitemap.xml", "application/xml"),
            ("/data.json", "application/json"), ("/robots.txt", "text/plain; charset=utf-8"),
            ("/feed.atom", "application/atom+xml"), ("/favicon.ico", "image/x-icon"), ("/font.woff2", "font/woff2"),
            ("/blob.unknownext", "application/octet-stream"),
        ]
        try await withServer { port, _ in
            for (path, type) in expected {
                let response = try await http(.GET, "http://127.0.0.1:\(port)\(path)")
                #expect(response.status == 200, "\(path)")
                #expect(response.header("content-type") == type, "\(path)")
                #expect(response.header("x-content-type-options") == "nosniff")
            }
        }
    }

    @Test func servesIndexHtmlForFoldersAndRedirectsToTheTrailingSlash() async throws {
        try await withServer { port, _ in
            let root = try await http(.GET, "http://127.0.0.1:\(port)/")
            #expect(root.status == 200)
            #expect(root.body.contains("home"))
            let folder = try await http(.GET, "http://127.0.0.1:\(port)/en/")
            #expect(folder.body.contains("english"))
            let redirect = try await http(.GET, "http://127.0.0.1:\(port)/en?x=1")
            #expect(redirect.status == 301)
            #expect(redirect.header("location") == "/en/?x=1")
        }
    }

    @Test func answersMissingFilesWithTheSitesOwn404Page() async throws {
        try await withServer { port, _ in
            let response = try await http(.GET, "http://127.0.0.1:\(port)/no/such/page/")
            #expect(response.status == 404)
            #expect(response.body.contains("our own not-found page"))
            #expect(response.header("content-type") == "text/html; charset=utf-8")
        }
    }

    @Test func answersHeadWithTheHeadersAndNoBody() async throws {
        try await withServer { port, _ in
            let response = try await http(.HEAD, "http://127.0.0.1:\(port)/style.css")
            #expect(response.status == 200)
            #expect(response.header("content-length") == "6")
            #expect(response.header("content-type") == "text/css; charset=utf-8")
            #expect(response.body.isEmpty)
        }
    }

    @Test func refusesOtherMethodsWith405AndAllow() async throws {
        try await withServer { port, _ in
            let response = try await http(.POST, "http://127.0.0.1:\(port)/index.html", body: [1])
            #expect(response.status == 405)
            #expect(response.header("allow") == "GET, HEAD")
        }
    }

    @Test func answersARepeatedRequestWithTheSameETagWith304() async throws {
        try await withServer { port, _ in
            let first = try await http(.GET, "http://127.0.0.1:\(port)/data.json")
            let etag = try #require(first.header("etag"))
            #expect(first.header("last-modified")?.hasSuffix("GMT") == true)
            let second = try await http(.GET, "http://127.0.0.1:\(port)/data.json", headers: [("If-None-Match", etag)])
            #expect(second.status == 304)
            #expect(second.body.isEmpty)
        }
    }

    @Test func decodesPercentEncodedNamesOnce() async throws {
        try await withServer { port, _ in
            let response = try await http(.GET, "http://127.0.0.1:\(port)/caf%C3%A9.html")
            #expect(response.body == "accented")
        }
    }

    @Test(arguments: [
        "/../secret.txt", "/../../secret.txt", "/en/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
        "/%2e%2e%2fsecret.txt", "/..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
        "/..%5c..%5csecret.txt", "/..\\..\\secret.txt", "/leak.txt", "/leakdir/secret.txt", "/leakdir/",
        "/index.html%00.png", "/%2fetc%2fpasswd", "//etc/passwd", "/.%2e/secret.txt",
    ])
    func neverServesAnythingFromOutsideTheSite(target: String) async throws {
        try await withServer { port, _ in
            let answer = try await RawHTTP.get(port: port, target)
            #expect([400, 404].contains(answer.status), "\(target) answered \(answer.status)")
            #expect(!answer.body.contains("TOP SECRET"), "\(target) leaked the secret")
            #expect(!answer.body.contains("root:"), "\(target) leaked /etc/passwd")
        }
    }

    @Test func refusesARawNulByteInThePath() async throws {
        try await withServer { port, _ in
            let answer = try await RawHTTP.get(port: port, target: Array("/index.html".utf8) + [0] + Array(".png".utf8))
            #expect(answer.status == 400)
        }
    }

    @Test func followsSymlinksThatStayInsideTheSite() async throws {
        try await withServer { port, _ in
            let response = try await http(.GET, "http://127.0.0.1:\(port)/inside.txt")
            #expect(response.status == 200)
            #expect(response.body == "User-agent: *")
        }
    }

    @Test func resolvesTheOutputSymlinkAgainForEveryRequest() async throws {
        try await withServer { port, fixture in
            #expect(try await http(.GET, "http://127.0.0.1:\(port)/").body.contains("home"))
            try fixture.folder.write("<html><body>second release</body></html>", to: "releases/r2/index.html")
            let swap = fixture.folder.url.appending(path: "public.tmp").path
            try FileManager.default.createSymbolicLink(atPath: swap, withDestinationPath: fixture.folder.url.appending(path: "releases/r2").path)
            #expect(rename(swap, fixture.output.path) == 0)
            #expect(try await http(.GET, "http://127.0.0.1:\(port)/").body.contains("second release"))
            // The old release's files are gone from the site, and its 404 page too (r2 has none).
            #expect(try await http(.GET, "http://127.0.0.1:\(port)/style.css").status == 404)
        }
    }

    @Test func answers503BeforeTheSiteWasEverBuilt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let server = StaticFileServer(folder: folder.url.appending(path: "public"))
        try await withRunningGroup({ serviceGroup(serving: server, onListening: $0) }) { port, _ in
            let response = try await http(.GET, "http://127.0.0.1:\(port)/")
            #expect(response.status == 503)
        }
    }
}
