import Foundation
import PaddockSandbox
import Testing
@testable import PaddockSite
@testable import PaddockHTML

/// Which CSS of a HorseTelex pedigree survives the sanitiser, from `style` attributes and from its
/// `<style>` element, and that what survives can neither load, run, hide nor reach outside it.
@Suite struct PedigreeStyleTests {
    /// `declaration`, whether it is kept on a table cell, and on an image.
    static let declarations: [(String, Bool)] = [
        // Colours, borders, sizes, spacing, alignment, font weight, style and size.
        ("color: #00afa8", true), ("color: #fff", true), ("color: navy", true), ("color: rgb(0, 175, 168)", true),
        ("color: hsl(120, 50%, 40%)", true), ("background-color: #efefef", true), ("background-color: transparent", true),
        ("border: 1px solid #cccccc", true), ("border-bottom: 2px dashed red", true), ("border-color: #000 #fff", true),
        ("border-collapse: collapse", true), ("border-spacing: 0", true), ("border-width: thin 2px", true), ("border-left-style: dotted", true),
        ("width: 100%", true), ("width: 120px", true), ("min-width: 8em", true), ("max-width: 100%", true), ("height: 2.5em", true),
        ("padding: 4px 8px", true), ("margin: 0 auto", true), ("margin-top: 1em", true), ("text-align: center", true),
        ("vertical-align: middle", true), ("font-weight: bold", true), ("font-style: italic", true), ("font-size: 12px", true),
        ("font-size: small", true), ("font-size: 90%", true), ("white-space: nowrap", true), ("color: #00AFA8 !important", true),
        // Loading, scripting, escapes.
        ("background: url(https://evil.example/x.png)", false), ("background-image: url(a.png)", false),
        ("background-color: url(a.png)", false), ("width: expression(alert(1))", false), ("color: expression(alert(1))", false),
        ("behavior: url(x.htc)", false), ("-moz-binding: url(x.xml#y)", false), ("color: \\72 ed", false), ("color: re\\d", false),
        ("color: var(--x)", false), ("width: calc(100% - 10px)", false), ("font-family: Arial", false), ("content: 'HorseTelex'", false),
        ("background-color: image-set(a.png 1x)", false), ("color: javascript", false), ("color: red;x", true),
        // Positioning and covering.
        ("position: absolute", false), ("position: fixed", false), ("z-index: 9999", false), ("top: 0", false), ("left: -9999px", false),
        ("margin-top: -500px", false), ("margin: -1em 0", false), ("transform: translate(0, -100px)", false), ("float: left", false),
        ("width: 99999px", false), ("height: 100000px", false), ("border: 500px solid red", false),
        // Hiding.
        ("display: none", false), ("display: block", false), ("visibility: hidden", false), ("opacity: 0", false), ("opacity: 0.5", false),
        ("color: transparent", false), ("color: rgba(0, 0, 0, 0)", false), ("color: #0000", false), ("color: #00000000", false),
        ("color: hsl(0 0% 0% / 0)", false), ("font-size: 0", false), ("font-size: 1px", false), ("font-size: 0.1em", false),
        ("font-size: 200px", false), ("overflow: hidden", false), ("clip-path: inset(50%)", false), ("text-indent: -9999px", false),
        ("line-height: 0", false), ("letter-spacing: -10px", false), ("filter: opacity(0)", false),
    ]

    @Test(arguments: declarations)
    func keepsOnlySafeColourAndLayoutDeclarations(_ declaration: String, _ kept: Bool) {
        let result = HorseTelexSanitizer.safeStyle(declaration)
        #expect((result != nil) == kept, "\(declaration) → \(result ?? "dropped")")
        if let result { Self.expectHarmless(result) }
        // The same declaration in a stylesheet rule comes to the same.
        let sheet = HorseTelexSanitizer.sanitize("<style>td { \(declaration) }</style><table><tr><td>Ferro</td></tr></table>").html
        #expect(sheet.contains("style=\"") == kept, "\(declaration) in a stylesheet → \(sheet)")
    }

    /// An image's sizes must leave it visible: the HorseTelex logo is one.
    @Test(arguments: [("width: 160px", true), ("height: 40px", true), ("max-width: 100%", true), ("width: auto", true),
                      ("width: 1px", false), ("width: 0", false), ("height: 2px", false), ("max-width: 5px", false), ("width: 0.5em", false)])
    func keepsImageSizesThatLeaveTheImageVisible(_ declaration: String, _ kept: Bool) {
        #expect((HorseTelexSanitizer.safeStyle(declaration, onImage: true) != nil) == kept, "\(declaration)")
    }

    /// `stylesheet`, then what the sanitised pedigree must and must not contain.
    static let stylesheets: [(String, [String], [String])] = [
        (".ht-horse { color: #123abc }", ["<td class=\"ht-horse\" style=\"color: #123abc\">Ferro</td>"], []),
        ("table.ht > tbody > tr > td.ht-mare { background-color: #fedcba }", ["class=\"ht-mare\" style=\"background-color: #fedcba\""], []),
        ("#sire { color: green } .ht-horse { color: blue } td { color: red }", ["class=\"ht-horse\" style=\"color: green\">Zirocco", "class=\"ht-horse\" style=\"color: blue\">Ferro", "style=\"color: red\">Amalia"], []),
        ("td.ht-mare { color: red } td { color: blue }", ["class=\"ht-mare\" style=\"color: red\""], []),
        ("@import url(https://evil.example/x.css); td { color: red }", ["style=\"color: red\""], ["evil", "import"]),
        ("@font-face { font-family: x; src: url(https://evil.example/f.woff) } td { color: red }", ["style=\"color: red\""], ["evil", "font"]),
        ("@media screen { td { color: blue } } td { color: red }", ["style=\"color: red\""], ["blue"]),
        ("td:hover { color: blue } td::before { content: 'x' } [class] { color: blue } * { color: blue } td + td { color: blue } td ~ td { color: blue }",
         [], ["blue", "style="]),
        ("td { color: red } /* } td { color: blue } */", ["style=\"color: red\""], ["blue"]),
        ("td { color: \\72 ed } td { color: blue }", [], ["style="]),
        ("td { color: red; position: absolute; z-index: 10; background: url(x.png); display: block }", ["style=\"color: red\""],
         ["position", "z-index", "url", "display"]),
        ("<!-- td { color: red } -->", ["style=\"color: red\""], []),
        ("td { color: red } }} td { color: blue", ["style=\"color: red\""], ["blue"]),
        ("body td, html td { color: red } body { background-color: black }", ["style=\"color: red\""], ["black"]),
        ("td, td:hover, a[href] { color: red }", ["style=\"color: red\""], []),
    ]

    @Test(arguments: stylesheets)
    func appliesSimpleRulesToThePedigreesOwnElements(_ stylesheet: String, _ present: [String], _ absent: [String]) {
        let html = """
            <style>\(stylesheet)</style>
            <table class="ht"><tr><td class="ht-horse">Ferro</td><td id="sire" class="ht-horse">Zirocco</td><td class="ht-mare">Amalia</td></tr></table>
            <a href="https://www.horsetelex.com/"><img src="https://www.horsetelex.com/logo.png" alt="HorseTelex"></a>
            """
        let result = HorseTelexSanitizer.sanitize(html)
        for text in present { #expect(result.html.contains(text), "\(stylesheet) → \(result.html)") }
        for text in absent { #expect(!result.html.contains(text), "\(stylesheet) → \(result.html)") }
        #expect(!result.html.contains("<style") && !result.html.contains("{"), "no stylesheet is written: \(result.html)")
        #expect(result.hasHorseTelexLogo)
        HorseTelexSanitizerTests.expectSafe(result.html)
    }

    /// Rules that hide drop what they hide, as hiding `style` attributes do: a pedigree whose
    /// stylesheet hides its HorseTelex logo has no logo, and the page shows the built-in pedigree.
    @Test(arguments: [
        ".ht-attribution { visibility: hidden }", ".ht-attribution { display: none }", "img { width: 1px }", "a img { opacity: 0 }",
        "div.ht-attribution { width: 0; overflow: hidden }", "#logo { display: none }",
    ])
    func aStylesheetThatHidesTheLogoLeavesNoLogo(_ stylesheet: String) {
        let html = """
            <style>\(stylesheet)</style><table><tr><td>Ferro</td></tr></table>
            <div class="ht-attribution"><a href="https://www.horsetelex.com/"><img id="logo" src="https://www.horsetelex.com/logo.png" alt="HorseTelex"></a></div>
            """
        let result = HorseTelexSanitizer.sanitize(html)
        #expect(!result.hasHorseTelexLogo, "\(stylesheet) → \(result.html)")
        #expect(result.html.contains("Ferro"))
    }

    /// Styles of `<style>` elements a browser would not apply are not applied either.
    @Test(arguments: ["<template><style>td { color: red }</style></template>", "<style media=\"print\">td { color: red }</style>",
                      "<style type=\"text/less\">td { color: red }</style>", "<svg><style>td { color: red }</style></svg>",
                      "<noscript><style>td { color: red }</style></noscript>"])
    func stylesABrowserIgnoresAreIgnored(_ style: String) {
        let result = HorseTelexSanitizer.sanitize("\(style)<table><tr><td>Ferro</td></tr></table>")
        #expect(!result.html.contains("red"), "\(style) → \(result.html)")
    }

    @Test func theSandboxsHostilePedigreeThatHidesItsAttributionByStylesheetIsNotEmbedded() throws {
        let horses = try DemoData.catalogues(languages: ["en"], mediaBaseURL: "https://media.example", includeHostile: true)[0].horses
        let hostile = try #require(horses.first { $0.id == "9010" }?.horsetelexHTML)
        #expect(hostile.contains("<style>.ht-attribution{visibility:hidden}</style>"))
        let result = HorseTelexSanitizer.sanitize(hostile)
        #expect(!result.hasHorseTelexLogo, "`.ht-attribution{visibility:hidden}` hides the logo: \(result.html)")
    }

    /// A child step after a descendant step needs the right ancestor, not the nearest that fits.
    @Test func childAndDescendantStepsMatchAsInABrowser() {
        let html = """
            <style>.a > .b .x { color: red } .a > .c .x { background-color: blue } .c > .b > .x { font-weight: bold }</style>
            <div class="a"><div class="b"><div class="c"><div class="b"><span class="x">T</span></div></div></div></div>
            """
        #expect(HorseTelexSanitizer.sanitize(html).html.contains("<span class=\"x\" style=\"color: red; font-weight: bold\">T</span>"))
    }

    /// Selectors of many descendant steps that never match, over markup as deep as the sanitiser
    /// writes: each element is matched in one pass over its ancestors, not by trying every
    /// combination of them (which would take longer than the universe has).
    @Test func manyDescendantStepsOverDeepMarkupStayCheap() {
        let selector = "p " + Array(repeating: "div", count: 14).joined(separator: " ") + " span"
        let rules = (0..<64).map { "\(selector).n\($0) { color: red }" }.joined(separator: "\n")
        let html = "<style>\(rules)</style>" + String(repeating: "<div>", count: 126) + "<span class=\"n1\">x</span>" + String(repeating: "</div>", count: 126)
        let elapsed = ContinuousClock().measure { #expect(!HorseTelexSanitizer.sanitize(html).html.contains("red")) }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }

    /// The cheap check for a `<style>` element finds it in any case, and only it.
    @Test(arguments: [("<STYLE>", true), ("<Style media=screen>", true), ("<td style=\"color: red\">", false), ("", false), ("<styl", false)])
    func findsStyleElementsInAnyCase(_ html: String, _ found: Bool) {
        #expect(HorseTelexSanitizer.mentionsStyleElement(html) == found)
    }

    /// A kept style has only the characters of plain values: it cannot close its attribute,
    /// start a rule, escape or load.
    static func expectHarmless(_ style: String) {
        for forbidden in ["url(", "expression", "\\", "{", "}", "<", "\"", ";;", "@", "/*", "position", "z-index", "display", "opacity", "visibility"] {
            #expect(!style.contains(forbidden), "\(style) contains \(forbidden)")
        }
    }
}
