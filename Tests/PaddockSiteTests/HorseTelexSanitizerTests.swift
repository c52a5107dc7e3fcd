import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockSite
@testable import PaddockHTML

@Suite struct HorseTelexSanitizerTests {
    static let pedigree = """
        <style>.ht td { color: red }</style>
        <table class="ht" cellpadding="2" width="100%">
          <tr><td rowspan="4" style="color: #00AFA8; background-color: #efefef">Cornet Obolensky</td><td>Clinton</td></tr>
          <tr><td bgcolor="#efefef">Rabanna van Costersveld</td></tr>
        </table>
        <a href="https://www.horsetelex.com/horses/pedigree/123" target="_blank"><img src="https://www.horsetelex.com/images/logo.png" alt="HorseTelex" width="120" height="30"></a>
        """

    @Test func keepsTheTableTheLogoAndTheAttributionLink() {
        let result = HorseTelexSanitizer.sanitize(Self.pedigree)
        #expect(result.hasHorseTelexLogo)
        #expect(result.html.contains("<table class=\"ht\" cellpadding=\"2\" width=\"100%\">"))
        #expect(result.html.contains("<td rowspan=\"4\" style=\"color: #00afa8; background-color: #efefef\">Cornet Obolensky</td>"))
        #expect(result.html.contains("<a href=\"https://www.horsetelex.com/horses/pedigree/123\" target=\"_blank\" rel=\"noopener noreferrer\">"))
        #expect(result.html.contains("<img src=\"https://www.horsetelex.com/images/logo.png\" alt=\"HorseTelex\" width=\"120\" height=\"30\">"))
        // The `<style>` element is not written; its rule reaches the cell without a colour of its
        // own, and the cell's own `style` wins over it.
        #expect(!result.html.contains("<style"))
        #expect(result.html.contains("<td style=\"color: red\">Clinton</td>"))
        #expect(!result.html.contains("color: red; color: #00afa8"))
    }

    static let hostile: [(String, String)] = [
        ("<script>alert(1)</script><b>ok</b>", "<script"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("<a href=\"javascript:alert(1)\">x</a>", "javascript"),
        ("<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "ascript"),
        ("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "alert"),
        ("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "data:"),
        ("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "data:"),
        ("<iframe src=\"https://evil.example\"></iframe>", "iframe"),
        ("<object data=\"x.swf\"></object><embed src=x>", "object"),
        ("<form action=\"https://evil.example\"><input name=p></form>", "form"),
        ("<div style=\"display:none\">secret spam</div>", "spam"),
        ("<div style=\"visibility: hidden\">secret spam</div>", "spam"),
        ("<p hidden>secret spam</p>", "spam"),
        ("<span style=\"opacity:0\">secret spam</span>", "spam"),
        ("<img src=\"https://t.example/pixel.gif\" width=\"0\" height=\"0\">", "pixel"),
        ("<div style=\"background:url(javascript:alert(1))\">x</div>", "url("),
        ("<div style=\"width: expression(alert(1))\">x</div>", "expression"),
        ("<svg><script>alert(1)</script></svg>", "svg"),
        ("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "javascript"),
        ("<base href=\"https://evil.example/\">", "base"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">", "refresh"),
        ("<link rel=stylesheet href=https://evil.example/x.css>", "evil"),
        ("<!-- <script>alert(1)</script> -->", "script"),
        ("<td><a href=\"//evil.example\" onclick=\"steal()\">x</a></td>", "steal"),
        ("<noscript><img src=x onerror=alert(1)></noscript>", "onerror"),
        ("<a href=\"vbscript:msgbox\">x</a>", "vbscript"),
        ("<textarea><script>x</script></textarea>", "textarea"),
        ("<div class=\"x\" id=\"y\" data-x=\"1\" formaction=\"javascript:1\">z</div>", "formaction"),
        ("<scr<script>ipt>alert(1)</scr</script>ipt>", "<script"),
        ("<template><img src=x onerror=alert(1)></template>", "onerror"),
    ]

    @Test(arguments: hostile)
    func removesHostileMarkup(_ input: String, _ forbidden: String) {
        let result = HorseTelexSanitizer.sanitize(input)
        #expect(!result.html.lowercased().contains(forbidden.lowercased()), "\(input) → \(result.html)")
        Self.expectSafe(result.html)
    }

    @Test func hiddenLogoMeansNoLogo() {
        let inputs = [
            "<table><tr><td>A</td></tr></table><img src=\"https://www.horsetelex.com/logo.png\" style=\"display:none\">",
            "<div hidden><img src=\"https://www.horsetelex.com/logo.png\"></div>",
            "<img src=\"https://www.horsetelex.com/logo.png\" width=\"0\">",
            "<img src=\"javascript:horsetelex\" alt=\"x\">",
            "<table><tr><td>no logo at all</td></tr></table>",
        ]
        for input in inputs { #expect(!HorseTelexSanitizer.sanitize(input).hasHorseTelexLogo, "\(input)") }
    }

    /// A zero or one-pixel `width`/`height` attribute hides an image; on a cell or a table it is
    /// a layout hint browsers grow past (old pedigree tables use `width="1"` spacer cells).
    @Test func sizeAttributesHideOnlyImages() {
        let kept = HorseTelexSanitizer.sanitize("<table width=\"1\"><tr><td width=\"1\" height=\"0\">Cor</td><td>Ferro</td></tr></table>").html
        #expect(kept.contains("Cor") && kept.contains("Ferro"), "\(kept)")
        for size in ["width=\"0\"", "height=\"1\"", "width=\"1px\""] {
            let image = HorseTelexSanitizer.sanitize("<p><img src=\"https://x.example/a.png\" alt=\"a\" \(size)>text</p>").html
            #expect(!image.contains("<img"), "\(size): \(image)")
        }
    }

    /// A logo is an image whose `src` or `alt` names HorseTelex, in any case; a name with a
    /// combining mark on it, or split by an invisible character, is another name.
    @Test(arguments: [
        ("<img src=\"https://x.example/a.png\" alt=\"HORSETELEX logo\">", true),
        ("<img src=\"https://x.example/a.png\" alt=\"Horse Telex\">", true),
        ("<img src=\"https://x.example/HorseTelex.PNG\" alt=\"\">", true),
        ("<img src=\"https://x.example/a.png\" alt=\"é horsetelex\">", true),
        ("<img src=\"https://x.example/a.png\" alt=\"horsetelex\u{301}\">", false),
        ("<img src=\"https://x.example/a.png\" alt=\"horsete\u{200B}lex\">", false),
        ("<img src=\"https://x.example/a.png\" alt=\"Equicty\">", false),
    ])
    func recognisesTheLogoByItsName(_ input: String, _ isLogo: Bool) {
        #expect(HorseTelexSanitizer.sanitize(input).hasHorseTelexLogo == isLogo)
    }

    @Test func escapesTextAndQuotesInAttributes() {
        let result = HorseTelexSanitizer.sanitize("<td title='a\"b'>1 &lt; 2 {{x}} &amp; é 🐴 \u{202E}rtl</td>")
        #expect(result.html.contains("title=\"a&quot;b\""))
        #expect(result.html.contains("1 &lt; 2 {{x}} &amp; é 🐴 \u{202E}rtl"))
    }

    @Test func survivesAThousandRandomHostileDocuments() {
        var generator = SeededGenerator(seed: 0x5EED)
        let pieces = [
            "<script>", "</script>", "<img src=", "onerror=", "\"", "'", "javascript:", "<a href=", ">", "<", "</a>", "<table>",
            "<tr><td>", "</td>", "<style>", "display:none", "<div style=\"", "<iframe>", "&#x6A;", "&#0;", "\u{0}", "<!--", "-->",
            "<![CDATA[", "]]>", "<svg onload=alert(1)>", "<math>", "{{", "}}", "🐎", "\u{202E}", "<p hidden>", "<body>", "<html>",
            "data:image/png;base64,AAAA", "https://www.horsetelex.com/logo.png", " ", "\n", "<b><i><u>", "</b>", "<?xml ?>",
            "<!DOCTYPE html>", "&amp;", "&", "<form>", "<input>", "<object>", "<embed>", "<base href=//x>", "<x:y>", "\u{FFFF}",
        ]
        for _ in 0..<1000 {
            let length = Int.random(in: 1...60, using: &generator)
            let input = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let result = HorseTelexSanitizer.sanitize(input)
            Self.expectSafe(result.html)
        }
    }

    @Test func survivesDeepNestingAndHugeInput() {
        let deep = String(repeating: "<div>", count: 20_000) + "x" + String(repeating: "</div>", count: 20_000)
        #expect(HorseTelexSanitizer.sanitize(deep).html.count < deep.count)
        let wide = String(repeating: "<td onclick=x>cell</td>", count: 20_000)
        #expect(!HorseTelexSanitizer.sanitize(wide).html.contains("onclick"))
        #expect(HorseTelexSanitizer.sanitize("").html.isEmpty)
        let bytes = String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) }, as: UTF8.self)
        Self.expectSafe(HorseTelexSanitizer.sanitize(bytes).html)
    }

    /// Re-parses sanitised output and checks it holds only allowed elements, no event handlers and safe URLs.
    static func expectSafe(_ html: String) {
        let document = HTMLDocument(html)
        guard let root = document.root else { return }
        for element in root.descendantElements where !["html", "body", "head", "p"].contains(element.name) {
            #expect(HTMLAllowList.elements.contains(element.name), "element <\(element.name)> in \(html)")
            for (name, value) in element.attributes {
                #expect(!name.hasPrefix("on"), "event handler \(name) in \(html)")
                if name == "href" || name == "src" {
                    let lower = value.lowercased()
                    #expect(lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("#")
                        || lower.hasPrefix("mailto:") || lower.hasPrefix("data:image/png;base64,"), "url \(value) in \(html)")
                }
                if name == "style" {
                    #expect(!value.contains("url(") && !value.contains("expression"), "style \(value) in \(html)")
                }
            }
        }
    }
}

