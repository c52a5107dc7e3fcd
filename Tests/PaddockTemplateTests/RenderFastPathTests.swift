import Testing
@testable import PaddockTemplate

/// The renderer's fast paths (integers written digit by digit, small maps scanned instead of
/// hashed, a reused output buffer) must write exactly what the plain paths write.
@Suite struct RenderFastPathTests {
    @Test func integersRenderExactlyAsStringOfInt() throws {
        let set = try TemplateSet(templates: ["n": "[{{n}}|{{{n}}}]"])
        for number in [0, 1, 9, 10, 42, 99, 100, 999, 1_000, 65_535, 1_000_000, 123_456_789, Int.max, -1, -10, -987, Int.min] {
            let text = String(number)
            #expect(try set.renderString("n", ["n": .int(number)]) == "[\(text)|\(text)]")
        }
    }

    @Test func appendDecimalAppendsAfterWhatIsAlreadyThere() {
        var buffer = Array("x=".utf8)
        buffer.appendDecimal(2026)
        buffer.appendDecimal(0)
        #expect(String(decoding: buffer, as: UTF8.self) == "x=20260")
    }

    @Test func smallAndLargeMapsResolveTheSameNamesAndMisses() throws {
        let set = try TemplateSet(templates: ["t": "{{#item}}{{a}}-{{b}}-{{missing}}-{{top}}-{{inner.k}}{{/item}}"])
        let small: [String: TemplateValue] = ["a": "1", "b": "2", "inner": .map(["k": "v"])]
        var large = small
        for i in 0..<20 { large["filler\(i)"] = .int(i) }
        var innerLarge: [String: TemplateValue] = ["k": "v"]
        for i in 0..<20 { innerLarge["x\(i)"] = .int(i) }
        large["inner"] = .map(innerLarge)
        for item in [small, large] {
            #expect(try set.renderString("t", ["item": .map(item), "top": "T"]) == "1-2--T-v")
        }
    }

    @Test func keysThatAreEqualUnicodeButDifferentBytesMatchInSmallMapsAsInDictionaries() throws {
        // "é" precomposed in the template, decomposed in the map: Swift strings compare equal, as dictionary lookup does.
        let set = try TemplateSet(templates: ["t": "{{#m}}{{caf\u{E9}}}{{/m}}"])
        let decomposed = "cafe\u{301}"
        #expect(try set.renderString("t", ["m": .map([decomposed: "ok"])]) == "ok")
        var large: [String: TemplateValue] = [decomposed: "ok"]
        for i in 0..<10 { large["k\(i)"] = .int(i) }
        #expect(try set.renderString("t", ["m": .map(large)]) == "ok")
    }
}
