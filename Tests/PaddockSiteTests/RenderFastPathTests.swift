import Foundation
import PaddockCatalogue
import Testing
@testable import PaddockSite

/// The byte-level fast paths of the page contexts write exactly what the plain paths wrote.
@Suite struct RenderFastPathTests {
    /// The trimming `String.trimmed` did before its fast path.
    static func referenceTrimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        return String(text[first...last])
    }

    static let tricky = [
        "", " ", "\t\n", "a", "ab", " a", "a ", " a ", "a\r\n", "\r\na", "\u{A0}a\u{A0}", "a\u{2028}", "\u{2029}a",
        "a\u{301}", " \u{301}a", "a \u{301}", "\u{600}a", "é", "Horse 1 & Co <1>", "\u{FEFF}a", "a\u{85}", "\u{3000}a\u{3000}",
        "\u{1F40E} pony", "x\u{B}", "\u{C}x", "mixed\u{200B}",
    ]

    @Test func trimmedMatchesTheCharacterByCharacterTrim() {
        for text in Self.tricky {
            #expect(text.trimmed == Self.referenceTrimmed(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func jsonStringsEscapeTheSameCharactersWithOrWithoutTheFastPath() {
        let cases: [(String, String)] = [
            ("plain text", "\"plain text\""),
            ("caf\u{E9} \u{20AC} \u{A8}\u{A9} \u{2027}", "\"caf\u{E9} \u{20AC} \u{A8}\u{A9} \u{2027}\""),
            ("a\u{2028}b\u{2029}c", "\"a\\u2028b\\u2029c\""),
            ("<script>&\"\\", "\"\\u003cscript\\u003e\\u0026\\\"\\\\\""),
            ("tab\tline\nnul\u{0}", "\"tab\\tline\\nnul\\u0000\""),
        ]
        for (text, json) in cases {
            var out: [UInt8] = []
            JSONLD.writeString(text, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == json, "\(text)")
        }
    }

    @Test func percentEncodingKeepsOnlyUnreservedAndKeptBytes() {
        #expect(SafeURL.percentEncode("Horse 1 & Co <2>") == "Horse%201%20%26%20Co%20%3C2%3E")
        #expect(SafeURL.percentEncode("caf\u{E9}~-._") == "caf%C3%A9~-._")
        #expect(SafeURL.percentEncode("info+x@stable.example", keeping: "@+") == "info+x@stable.example")
        #expect(SafeURL.percentEncode("info+x@stable.example") == "info%2Bx%40stable.example")
        #expect(SafeURL.mailto("info@stable.example", subject: "Über Arko?") == "mailto:info@stable.example?subject=%C3%9Cber%20Arko%3F")
    }

    @Test func placeholdersAreFilledWithOrWithoutBraces() {
        #expect(Translations.fill("no placeholder", ["n": "1"]) == "no placeholder")
        #expect(Translations.fill("{n} years", ["n": "12"]) == "12 years")
        #expect(Translations.fill("{unknown} {n", ["n": "1"]) == "{unknown} {n")
    }

    @Test func aReusedScratchBufferGivesEveryPageExactlyItsOwnBytes() throws {
        let config = TestSite.config()
        let plan = SitePlan(config: config, catalogues: TestSite.catalogues())
        let theme = try Theme.load(folder: BundledTheme.folder())
        let environment = RenderEnvironment(plan: plan, theme: theme, pages: MarkdownPages(sources: [:]), sanitize: nil)
        var scratch = Array(repeating: UInt8(ascii: "#"), count: 100_000)
        for page in plan.pages {
            let fresh = try environment.render(page)
            let reused = try environment.render(page, scratch: &scratch)
            #expect(fresh.bytes == reused.bytes, "\(page.path)")
            #expect(reused.bytes.capacity <= reused.bytes.count + 64, "\(page.path) is sized to fit")
        }
    }

    @Test func detailPagesShowTheCardsFormattedTexts() async throws {
        let (plan, pages) = try await TestSite.render(config: TestSite.config(), catalogues: TestSite.catalogues())
        let data = LanguageData(language: "en", plan: plan, translations: try Theme.load(folder: BundledTheme.folder()).translations)
        let arko = try #require(pages.first { $0.path == "en/horses/\(plan.horseSlugs["101"]!)/index.html" })
        let html = String(decoding: arko.bytes, as: UTF8.self)
        for key in ["age", "height", "sex"] {
            guard case .string(let text) = data.horseCards["101"]?.mapValue[key] else { Issue.record("no \(key)"); continue }
            #expect(html.contains(">\(text)<"), "\(key): \(text)")
        }
    }
}

extension RenderFastPathTests {
    @Test func webURLsAreFilteredByTheirBytes() {
        let kept = ["https://cdn.example/a.jpg", "HTTP://CDN.example/x", " https://cdn.example/b ", "https://h\u{E9}.example/\u{E9}",
                    "https://cdn.example:8443/p?q#f", "hTtPs://x"]
        for url in kept { #expect(SafeURL.web(url) == url.trimmed, "\(url)") }
        let dropped = ["javascript:alert(1)", "https://", "https:///path", "https://user@host/", "https://:80/", "http:/x",
                       "https://a b/", "https://a\u{7F}/", "https://a\\b/", "data:text/html,x", "//cdn.example/a", "", "   ",
                       "https://a/\u{0}", "ftp://x/", "https:"]
        for url in dropped { #expect(SafeURL.web(url) == nil, "\(url)") }
        #expect(SafeURL.web("https://x/" + String(repeating: "\u{E9}", count: 3000)) != nil, "6,000 bytes but 3,010 characters")
        #expect(SafeURL.web("https://x/" + String(repeating: "a", count: 4087)) == nil, "4,097 characters")
        #expect(SafeURL.web("https://x/" + String(repeating: "a", count: 4086)) != nil, "4,096 characters")
    }
}

extension RenderFastPathTests {
    @Test func rememberedFormatsAreWhatFoundationWrites() throws {
        for language in ["en", "de", "fr", "nl"] {
            let format = LocaleFormat(language: language)
            let locale = Locale(identifier: LocaleFormat.localeIdentifier(language))
            for amount in [Decimal(80), try #require(Decimal(string: "1500.50")), try #require(Decimal(string: "1500.5")), Decimal(999_999)] {
                let expected = amount.formatted(.currency(code: "EUR").locale(locale))
                #expect(format.price(amount, currency: "EUR") == expected)
                #expect(format.price(amount, currency: "EUR") == expected, "second call, from the memo")
                #expect(format.price(amount, currency: "USD") == amount.formatted(.currency(code: "USD").locale(locale)))
            }
            for number in [1.68, 172, 0.5, -0.0, 0.0, 1.005] {
                let expected = number.formatted(.number.precision(.fractionLength(0...2)).locale(locale))
                #expect(format.number(number) == expected && format.number(number) == expected, "\(number)")
            }
            let date = CalendarDate(year: 2024, month: 6, day: 1)
            let first = format.date(date)
            #expect(first != nil && format.date(date) == first)
            #expect(format.date(nil) == nil)
        }
    }
}
