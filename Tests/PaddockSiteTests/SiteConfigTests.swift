import Foundation
import PaddockCatalogue
import PaddockSources
import PaddockTestSupport
import Testing
@testable import PaddockSite

@Suite struct SiteConfigTests {
    let root = URL(filePath: "/srv/stable")

    static let complete = """
        title = "Stal Example"
        base_url = "https://stable.example"
        description = "Sport horses"
        languages = ["nl", "en"]
        currency = "eur"
        horses_per_page = 12
        featured_horses = ["101", "102"]

        [contact]
        email = "info@stable.example"
        phone = "+31 6 1234"

        [folders]
        templates = "theme"
        pages = "content"
        static = "/var/static"
        output = "out"
        cache = "cache"

        [http]
        max_concurrent_requests = 4
        max_tries = 5
        connect_timeout = 2.5
        read_timeout = 60

        [sources]
        circuit_breaker_failures = 3
        service_time_limit = 120

        [sources.equicty]
        base_url = "http://127.0.0.1:8080/api/"
        gender = "mare"

        [sources.equicty.horsetelex_colors]
        horse_text = "#112233"
        mare_background = "aabbcc"
        mare_text = "000000"

        [sources.husbandry]
        version = "v1"
        base_url = "http://127.0.0.1:8081/api"
        token_url = "http://127.0.0.1:8081/oauth/token"
        animal_types = ["12"]
        statuses = ["for_sale"]
        """

    @Test func readsEveryKeyOfACompleteConfig() throws {
        let config = try SiteConfig(toml: Self.complete, root: root)
        #expect(config.title == "Stal Example")
        #expect(config.baseURL == "https://stable.example/")
        #expect(config.description == "Sport horses")
        #expect(config.languages == ["nl", "en"])
        #expect(config.defaultLanguage == "nl")
        #expect(config.currency == "EUR")
        #expect(config.horsesPerPage == 12)
        #expect(config.featuredHorses == ["101", "102"])
        #expect(config.contactEmail == "info@stable.example")
        #expect(config.contactPhone == "+31 6 1234")
        #expect(config.templatesFolder?.path == "/srv/stable/theme")
        #expect(config.pagesFolder.path == "/srv/stable/content")
        #expect(config.staticFolder.path == "/var/static")
        #expect(config.outputFolder.path == "/srv/stable/out")
        #expect(config.sources.cacheFolder.path == "/srv/stable/cache")
        #expect(config.sources.languages == ["nl", "en"])
        #expect(config.sources.maxConcurrentRequests == 4)
        #expect(config.sources.maxTries == 5)
        #expect(config.sources.connectTimeout == .milliseconds(2500))
        #expect(config.sources.readTimeout == .seconds(60))
        #expect(config.sources.breakerFailures == 3)
        #expect(config.sources.serviceTimeLimit == .seconds(120))
        #expect(config.sources.equicty?.baseURL == "http://127.0.0.1:8080/api")
        #expect(config.sources.equicty?.gender == .mare)
        #expect(config.sources.equicty?.horsetelexColors == HorseTelexColors(horseTextColor: "112233", mareBackgroundColor: "aabbcc", mareTextColor: "000000"))
        #expect(config.sources.husbandry?.version == .v1)
        #expect(config.sources.husbandry?.baseURL == "http://127.0.0.1:8081/api")
        #expect(config.sources.husbandry?.tokenURL == "http://127.0.0.1:8081/oauth/token")
        #expect(config.sources.husbandry?.animalTypes == ["12"])
        #expect(config.sources.husbandry?.statuses == ["for_sale"])
    }

    @Test func appliesDefaultsToAMinimalConfig() throws {
        let config = try SiteConfig(toml: "title = \"A\"\nbase_url = \"https://a.example/\"\n", root: root)
        #expect(config.languages == ["en"])
        #expect(config.currency == "EUR")
        #expect(config.templatesFolder == nil)
        #expect(config.outputFolder.path == "/srv/stable/public")
        #expect(config.sources.equicty == nil)
        #expect(config.sources.husbandry == nil)
        #expect(config.sources.cacheFolder.path == "/srv/stable/.paddock/cache")
        #expect(config.sources.breakerFailures == 5)
        #expect(config.sources.serviceTimeLimit == .seconds(900))
    }

    static let errorCases: [(String, SiteConfigError.Kind, String, Int)] = [
        ("title = \"A\"\nbase_url = \"https://a.example\"\ntitel = \"B\"\n", .unknownKey, "titel", 3),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n\n[sources.equicty]\ngender = \"MARE\"\ncolour = 1\n", .unknownKey, "sources.equicty.colour", 6),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[sources.equicty.horsetelex_colors]\nhorse_text = \"00AFA8\"\nmare_bg = \"ffffff\"\n", .unknownKey, "sources.equicty.horsetelex_colors.mare_bg", 5),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[sources]\nequicty.gender = 3\n", .wrongType, "sources.equicty.gender", 4),
        ("title = \"A\"\nbase_url = \"https://a.example\"\nsources = { husbandry = { version = 2 } }\n", .wrongType, "sources.husbandry.version", 3),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n\n\nhorses_per_page = \"ten\"\n", .wrongType, "horses_per_page", 5),
        ("title = \"A\"\nbase_url = \"https://a.example\"\nlanguages = [\"en\", 2]\n", .wrongType, "languages", 3),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[http]\nmax_tries = 0\n", .invalidValue, "http.max_tries", 4),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[sources]\ncircuit_breaker_failures = 0\n", .invalidValue, "sources.circuit_breaker_failures", 4),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[sources]\nservice_time_limit = \"1h\"\n", .wrongType, "sources.service_time_limit", 4),
        ("title = \"A\"\nbase_url = \"ftp://a.example\"\n", .invalidValue, "base_url", 2),
        ("title = \"A\"\nbase_url = \"https://a.example\"\nlanguages = [\"en\", \"es\"]\n", .invalidValue, "languages", 3),
        ("title = \"A\"\nbase_url = \"https://a.example\"\ncurrency = \"EURO\"\n", .invalidValue, "currency", 3),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[sources.equicty.horsetelex_colors]\nmare_text = \"red\"\n", .invalidValue, "sources.equicty.horsetelex_colors.mare_text", 4),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[sources.husbandry]\nversion = \"v3\"\n", .invalidValue, "sources.husbandry.version", 4),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[contact]\nemail = \"not an address\"\n", .invalidValue, "contact.email", 4),
        ("base_url = \"https://a.example\"\n", .missingKey, "title", 0),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n[sources.equicty]\napi_key = \"abc123\"\n", .secretInConfig, "sources.equicty.api_key", 4),
        ("title = \"A\"\nbase_url = \"https://user:pw@a.example\"\n", .secretInConfig, "base_url", 2),
        ("title = \"A\"\nbase_url = \"https://a.example\"\n\n[credentials]\nequicty = \"k\"\n", .secretInConfig, "credentials", 4),
    ]

    @Test(arguments: errorCases)
    func namesTheKeyAndLineOfABadValue(_ toml: String, _ kind: SiteConfigError.Kind, _ key: String, _ line: Int) {
        do {
            _ = try SiteConfig(toml: toml, root: root)
            Issue.record("expected an error for \(key)")
        } catch let error as SiteConfigError {
            #expect(error.kind == kind)
            #expect(error.key == key)
            #expect(error.line == (line == 0 ? nil : line))
            #expect(error.description.contains(key))
            if line > 0 { #expect(error.description.hasPrefix("paddock.toml:\(line): ")) }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func secretErrorSaysWhereSecretsBelongAndNeverRepeatsTheSecret() throws {
        let toml = "title = \"A\"\nbase_url = \"https://a.example\"\n[sources.husbandry]\nclient_secret = \"s3cr3t-value\"\n"
        let error = try #require(throws: SiteConfigError.self) { try SiteConfig(toml: toml, root: root) }
        #expect(error.description.contains("secrets belong in the environment or the credentials file"))
        #expect(!error.description.contains("s3cr3t-value"))
    }

    @Test func unknownKeySuggestsTheClosestKnownKey() throws {
        let toml = "title = \"A\"\nbase_url = \"https://a.example\"\nhorses_per_pag = 3\n"
        let error = try #require(throws: SiteConfigError.self) { try SiteConfig(toml: toml, root: root) }
        #expect(error.description.contains("did you mean `horses_per_page`?"))
    }

    @Test func syntaxErrorCarriesTheLineFromTheParser() throws {
        let toml = "title = \"A\"\nbase_url = \"https://a.example\"\n\nlanguages = [\"en\"\n"
        let error = try #require(throws: SiteConfigError.self) { try SiteConfig(toml: toml, root: root) }
        #expect(error.kind == .syntax)
        #expect((error.line ?? 0) >= 4)
    }

    @Test func loadReadsTheFileAndResolvesFoldersBesideIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("title = \"A\"\nbase_url = \"https://a.example\"\n[folders]\noutput = \"site-out\"\n", to: "paddock.toml")
        let config = try SiteConfig.load(from: folder.url.appending(path: "paddock.toml"))
        #expect(config.root.path == folder.url.standardizedFileURL.path)
        #expect(config.outputFolder.path == folder.url.appending(path: "site-out").standardizedFileURL.path)
    }

    @Test func loadRefusesAMissingThemeFolderNamingTheKey() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("title = \"A\"\nbase_url = \"https://a.example\"\n\n[folders]\ntemplates = \"my-theme\"\n", to: "paddock.toml")
        let file = folder.url.appending(path: "paddock.toml")
        let error = try #require(throws: SiteConfigError.self) { try SiteConfig.load(from: file) }
        #expect(error.key == "folders.templates")
        #expect(error.line == 5)
        try FileManager.default.createDirectory(at: folder.url.appending(path: "my-theme"), withIntermediateDirectories: true)
        #expect(try SiteConfig.load(from: file).templatesFolder?.lastPathComponent == "my-theme")
    }

    @Test func missingFileIsAnUnreadableError() throws {
        let error = try #require(throws: SiteConfigError.self) {
            try SiteConfig.load(from: URL(filePath: "/nonexistent-\(UUID().uuidString)/paddock.toml"))
        }
        #expect(error.kind == .unreadable)
    }

    @Test func keyLocatorFindsKeysInHeadersDottedKeysInlineTablesAndSkipsMultilineStrings() {
        let source = """
            a = 1
            description = \"\"\"
            fake = 2
            \"\"\"
            [t."quoted.key"]
            b.c = 3
            d = { e = 4, f = { g = 5 } }
            """
        let locator = TOMLKeyLocator(source: source)
        #expect(locator.line(of: ["a"]) == 1)
        #expect(locator.line(of: ["fake"]) == nil)
        #expect(locator.line(of: ["t", "quoted.key"]) == 5)
        #expect(locator.line(of: ["t", "quoted.key", "b", "c"]) == 6)
        #expect(locator.line(of: ["t", "quoted.key", "d", "f", "g"]) == 7)
        #expect(locator.line(of: ["t", "quoted.key", "unknown"]) == 5)
    }
}
