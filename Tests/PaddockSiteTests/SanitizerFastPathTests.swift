import Testing
@testable import PaddockSite
@testable import PaddockHTML

/// The sanitiser's byte-level shortcuts answer as the general code does.
@Suite struct SanitizerFastPathTests {
    static let hosts = ["www.horsetelex.com", "Example.COM", "a", "x-y.example", "-bad.example", "bad-.example", ".dot.example",
                        "host_x.example", "user:pw@host.example", "host.example:8080", "[::1]", "ex ample.com", "münchen.example", "",
                        "127.0.0.1:49595", "127.0.0.1", "a.example:0", "a.example:65535", "a.example:65536", "a.example:99999",
                        "a.example:123456", "a.example:", "a.example:8a", "a.example:080", "a.example::80", "a.example:-1"]
    static let tails = ["", "/", "/horses/pedigree/123", "?q=1&b=c", "#top", "/p?q#f", "/a#b#c", "/%41%zz", "/%4", "/%e2%82%ac",
                        "/~me/(x)!$*+,;=:@", "/a b", "/<x>", "/\"q\"", "/{x}", "/a|b", "/a^b", "/`x`", "/[x]", "/\\x", "/é", "/\u{200B}", "/\u{1}"]

    static var urls: [String] {
        var result: [String] = []
        for scheme in ["http://", "https://", "HTTPS://", "Http://", "ftp://", "//", "javascript:", "http:/", "http\u{1A}//"] {
            for host in hosts { for tail in tails { result.append(scheme + host + tail) } }
        }
        return result + ["https://", "http://", "mailto:a@b.example", "#top", "data:image/png;base64,iVBOR="]
    }

    @Test func plainWebURLsComeBackAsTheGeneralRouteReturnsThem() {
        var plain = 0, general = 0
        for url in Self.urls {
            guard HorseTelexSanitizer.isPlainWebURL(url) else { general += 1; continue }
            plain += 1
            #expect(HorseTelexSanitizer.checkedURL(url, forImage: false) == url, "href \(url.debugDescription)")
            #expect(HorseTelexSanitizer.checkedURL(url, forImage: true) == url, "src \(url.debugDescription)")
        }
        // Both routes are exercised: the shortcut takes the ordinary links, not the odd ones.
        #expect(plain > 100)
        #expect(general > 1_000)
        #expect(HorseTelexSanitizer.isPlainWebURL("https://www.horsetelex.com/horses/pedigree/123"))
        #expect(HorseTelexSanitizer.isPlainWebURL("http://127.0.0.1:49595/media/logos/horsetelex.svg"))
        for odd in ["http\u{1A}//x.example/", "https://x.example/a b", "https://x.example/%zz", "https://x.example/a#b#c", "https://user@x.example/",
                    "https://x.example:65536/", "https://x.example:/", "https://x.example:8a/", "https://-x.example/", "https://x.example/é", "ftp://x.example/"] {
            #expect(!HorseTelexSanitizer.isPlainWebURL(odd), "\(odd.debugDescription)")
        }
    }

    @Test func escapingWorksOnBytesAsItDidOnScalars() {
        #expect(HTMLEscaping.text("a < b & c > d \"q\" 'a'") == "a &lt; b &amp; c &gt; d \"q\" 'a'")
        #expect(HTMLEscaping.attribute("\"q\" 'a' <&>") == "&quot;q&quot; &#39;a&#39; &lt;&amp;&gt;")
        #expect(HTMLEscaping.escape("it's", quotes: "&apos;") == "it&apos;s")
        // Forbidden in XML 1.0: C0 controls but tab, LF and CR; U+FFFE and U+FFFF.
        #expect(HTMLEscaping.text("a\u{0}b\u{1}c\u{1F}d\te\nf\rg") == "abcd\te\nf\rg")
        #expect(HTMLEscaping.text("x\u{FFFE}y\u{FFFF}z") == "xyz")
        // Other scalars whose UTF-8 starts with EF stay, as do emoji, right-to-left text and DEL.
        #expect(HTMLEscaping.text("\u{FFFD}\u{FF21}\u{F8FF}\u{FEFF}") == "\u{FFFD}\u{FF21}\u{F8FF}\u{FEFF}")
        #expect(HTMLEscaping.text("🐴 \u{202E}عربي\u{7F}") == "🐴 \u{202E}عربي\u{7F}")
        #expect(HTMLEscaping.text("ends with EF \u{FF21}") == "ends with EF \u{FF21}")
        var bytes = Array("<p>".utf8)
        HTMLEscaping.append("Tom & \u{FFFE}Jerry's", quotes: "&#39;", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "<p>Tom &amp; Jerry&#39;s")
    }
}
