import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockSite

@Suite struct TranslationsTests {
    @Test func fallsBackToEnglishThenToTheKey() {
        let strings = Translations(tables: ["en": ["a": "A", "b": "B"], "de": ["a": "Ä"]])
        #expect(strings.string("a", language: "de") == "Ä")
        #expect(strings.string("b", language: "de") == "B")
        #expect(strings.string("c", language: "de") == "c")
        #expect(strings.string("a", language: "nl") == "A")
    }

    @Test func aCustomThemesStringsOverrideTheBundledOnesKeyByKey() {
        let bundled = Translations(tables: ["en": ["a": "A", "b": "B"], "de": ["a": "Ä", "b": "Bö"]])
        let custom = Translations(tables: ["de": ["b": "Eigenes B"]]).overlaid(on: bundled)
        #expect(custom.string("a", language: "de") == "Ä")
        #expect(custom.string("b", language: "de") == "Eigenes B")
        #expect(custom.string("b", language: "en") == "B")
    }

    @Test func aThemeWithoutTranslationsGetsTheBundledStrings() throws {
        let folder = try TemporaryFolder("paddock-theme")
        defer { folder.remove() }
        try folder.write("<p>{{t.nav_horses}}</p>", to: "home.mustache")
        let theme = try Theme.load(folder: folder.url)
        #expect(theme.translations.string("nav_horses", language: "de") == "Pferde")
        // Its assets too come from the bundled theme (file by file).
        #expect(theme.assets["assets/site.css"] != nil)
    }
}

@Suite struct FillTests {
    @Test(arguments: [
        ("Page {n} of {count}", "Page 2 of 5"),
        ("{n}", "2"),
        ("no placeholders", "no placeholders"),
        ("{unknown} stays", "{unknown} stays"),
        ("open { without close", "open { without close"),
        ("{n} then {", "2 then {"),
    ])
    func fillsKnownPlaceholdersOnly(template: String, expected: String) {
        #expect(Translations.fill(template, ["n": "2", "count": "5"]) == expected)
    }

    @Test func valuesAreNotScannedAgain() {
        #expect(Translations.fill("Inquiry about {name}", ["name": "{n} <b>", "n": "X"]) == "Inquiry about {n} <b>")
    }
}
