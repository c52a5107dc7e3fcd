import Foundation
import NIOHTTP1
import PaddockSandbox
import Testing
@testable import PaddockSources

/// Every body is validated before it is used or cached: a cut answer that looks complete (its
/// Content-Length matches the bytes sent) is retried like a 5xx and never cached.
@Suite struct ValidationTests {
    /// Horse 1327 answers its pedigree in the frame `{"data": "<html>"}`, horse 1208 as bare HTML.
    static let pedigrees: [(String, String)] = [("framed", "1327"), ("bare", "1208")]

    static func pedigreeKey(_ id: String) -> CacheKey { CacheKey(service: .equicty, language: "en", name: "pedigree-\(id)") }

    @Test(arguments: pedigrees)
    func aCutPedigreeIsRetriedAndOnlyTheWholeOneIsUsedAndCached(framing: String, id: String) async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.cutBody, trigger: .firstRequests(2), pathContains: "/pedigree/\(id)")]
        let cache = try SourcesTest.temporaryFolder()
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: cache)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.isEmpty, "\(framing): \(report.failures)")
            let tries = await sandbox.requestLog.requests(pathContaining: "/pedigree/\(id)")
            #expect(tries.map(\.fault) == ["cutBody", "cutBody", nil], "\(framing): two cut answers, then the whole one")
            let html = try #require(report.catalogues[0].horses.first { $0.id == id }?.horsetelexHTML)
            #expect(PedigreeAttribution.isPresent(in: html), "\(framing): the HTML used carries its attribution")
            #expect(html.contains("www.equicty.com") && html.hasSuffix("</div>\n"), "\(framing): the whole document")
            let entry = try #require(try ResponseCache(folder: cache).entry(for: Self.pedigreeKey(id)))
            #expect(try EquictyClient.decodeHTML(entry.body) == html, "\(framing): the whole answer is cached")
        }
    }

    @Test(arguments: pedigrees)
    func aPedigreeCutOnEveryTryFailsAndIsNeverCached(framing: String, id: String) async throws {
        var options = SandboxOptions()
        options.faults = [SandboxFault(.cutBody, trigger: .always, pathContains: "/pedigree/\(id)")]
        let cache = try SourcesTest.temporaryFolder()
        try await SourcesTest.withSandbox(options) { sandbox in
            let config = SourcesTest.configuration(sandbox, cache: cache)
            let report = try await SourcesTest.fetcher(config, SourcesTest.credentials(sandbox)).fetch(mode: .network)
            #expect(report.failures.count == 1, "\(framing)")
            #expect(report.failures.first?.contains("HorseTelex pedigree of horse \(id) (en)") == true, "\(framing): \(report.failures)")
            #expect(report.failures.first?.contains("3 tries") == true, "\(framing): retried like a 5xx")
            #expect(report.catalogues[0].horses.first { $0.id == id }?.horsetelexHTML == nil, "\(framing): no cut HTML is used")
            #expect(try ResponseCache(folder: cache).entry(for: Self.pedigreeKey(id)) == nil, "\(framing): nothing cached")
        }
    }

    /// Every cut of a served pedigree before the end of its HorseTelex logo link is refused; every
    /// longer one keeps the attribution.
    @Test func thePedigreeAttributionMustBeWhole() async throws {
        let cache = try SourcesTest.temporaryFolder()
        try await SourcesTest.withSandbox { sandbox in
            _ = try await SourcesTest.fetcher(SourcesTest.configuration(sandbox, cache: cache), SourcesTest.credentials(sandbox)).fetch(mode: .network)
        }
        let body = try #require(try ResponseCache(folder: cache).entry(for: Self.pedigreeKey("1208"))).body
        let html = try #require(String(data: body, encoding: .utf8))
        let logo = try #require(html.range(of: "horsetelex.svg"))
        let linkEnd = try #require(html.range(of: "</a>", range: logo.upperBound..<html.endIndex)).upperBound
        let threshold = html.utf8.distance(from: html.startIndex, to: linkEnd)
        let bytes = Array(html.utf8)
        var wrong: [Int] = []
        for length in 0...bytes.count {
            guard let prefix = String(validating: bytes[..<length], as: UTF8.self) else { continue }
            if PedigreeAttribution.isPresent(in: prefix) != (length >= threshold) { wrong.append(length) }
        }
        #expect(wrong.isEmpty, "cuts judged wrongly (attribution complete at \(threshold) of \(bytes.count) bytes): \(wrong.prefix(20))")
        // The framed form: any cut leaves the frame open, and is never read as HTML.
        let framed = try JSONSerialization.data(withJSONObject: ["data": html])
        for length in stride(from: 1, to: framed.count, by: 37) {
            #expect(throws: (any Error).self, "frame cut at \(length)") { try PedigreeBody.content(of: framed.prefix(length)) }
        }
        #expect(try PedigreeBody.content(of: framed) == .html(html))
    }

    @Test func theAttributionIsALogoAndALinkToHorseTelex() {
        let logo = #"<img src="/logos/horsetelex.svg" alt="HorseTelex">"#
        let link = #"<a href="https://www.horsetelex.com/horses/pedigree/1">pedigree</a>"#
        let cases: [(String, Bool)] = [
            (logo + link, true),
            (#"<a href="https://horsetelex.nl/x">"# + logo + "</a>", true),
            (#"<a href='//cdn.horsetelex.com'><IMG ALT="Horse Telex" src=x.png></A>"#, true),
            (logo, false),
            (link, false),
            (#"<a href="https://www.horsetelex.com/">"# + logo, false),                       // the link is not closed
            (#"<a href="https://evil.example/horsetelex.com">"# + logo + "</a>", false),      // not HorseTelex's domain
            (#"<a href="javascript:horsetelex.com">"# + logo + "</a>", false),
            (link + #"<img src="/logos/horsetelex.svg" alt="HorseTelex""#, false),          // the logo's tag is cut
            (link + "<!-- " + logo + " -->", false),
            (link + "<style>" + logo + "</style>", false),
        ]
        for (html, expected) in cases {
            #expect(PedigreeAttribution.isPresent(in: html) == expected, "\(html)")
        }
    }

    @Test func aBodyMustMatchItsContentLengthAndBeWholeJSON() throws {
        func headers(_ pairs: (String, String)...) -> HTTPHeaders { HTTPHeaders(pairs) }
        let json = Data(#"{"data": [1, 2, 3]}"#.utf8)
        try ResponseValidation.check(json, headers: headers(("Content-Length", "\(json.count)")), expecting: .json)
        try ResponseValidation.check(json, headers: headers(), expecting: .json)
        #expect(throws: ResponseValidation.Failure.self) {
            try ResponseValidation.check(json, headers: headers(("Content-Length", "\(json.count + 10)")), expecting: .json)
        }
        // A decompressed body is longer than the compressed Content-Length: not compared.
        try ResponseValidation.check(json, headers: headers(("Content-Length", "12"), ("Content-Encoding", "gzip")), expecting: .json)
        for cut in [json.prefix(10), json.prefix(json.count - 1), Data()] {
            #expect(throws: ResponseValidation.Failure.self) {
                try ResponseValidation.check(cut, headers: headers(("Content-Length", "\(cut.count)")), expecting: .json)
            }
        }
        // The error frame is whole JSON: it passes, and decoding turns it into the service's error.
        let frame = Data(#"{"status": false, "msg": "Horse 1 is not synced with HorseTelex."}"#.utf8)
        try ResponseValidation.check(frame, headers: headers(), expecting: .json)
        try ResponseValidation.check(frame, headers: headers(), expecting: .pedigreeHTML)
        #expect(throws: ResponseValidation.Failure.self) {
            try ResponseValidation.check(Data("<table><tr><td>Ferro</td></tr></table>".utf8), headers: headers(), expecting: .pedigreeHTML)
        }
    }
}
