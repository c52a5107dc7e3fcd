import Foundation
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
        var buffer = OutputBuffer(capacity: 1)
        buffer.append(Array("x=".utf8))
        buffer.appendDecimal(2026)
        buffer.appendDecimal(0)
        #expect(String(decoding: buffer.bytes, as: UTF8.self) == "x=20260")
    }

    @Test func eightByteTestFindsEverySpecialByteAtEveryPositionAndNothingElse() {
        let specials: Set<UInt8> = [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\"")]
        for byte in UInt8.min...UInt8.max {
            for position in 0..<8 {
                for filler: UInt8 in [0x00, 0x25, 0x27, 0x3D, 0x41, 0xA6, 0xFF] {
                    var word = [UInt8](repeating: filler, count: 8)
                    word[position] = byte
                    let value = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let expected = word.contains { specials.contains($0) }
                    #expect(OutputBuffer.containsHTMLSpecial(value) == expected, "byte \(byte) at \(position) among \(filler)")
                }
            }
        }
    }

    @Test func escapingLongTextMatchesEscapingByteByByte() {
        // Specials at every offset of long runs, so the eight-byte steps meet them everywhere.
        for offset in 0..<20 {
            for special in ["&", "<", ">", "\"", "é", "\u{1F40E}"] {
                let text = String(repeating: "abcdefgh", count: 3).prefix(offset) + special + String(repeating: "xyz", count: 9)
                var buffer = OutputBuffer(capacity: 8)
                buffer.appendEscapingHTML(String(text))
                let plain = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                #expect(String(decoding: buffer.bytes, as: UTF8.self) == plain, "\(offset) \(special)")
            }
        }
    }

    @Test func outputBufferGrowsAndKeepsEveryByte() {
        // Appends of every size across many doublings, escaping and numbers among them.
        var buffer = OutputBuffer(capacity: 1)
        var expected: [UInt8] = []
        for n in 0..<300 {
            let chunk = [UInt8](repeating: UInt8(ascii: "a") + UInt8(n % 26), count: n % 37)
            buffer.append(chunk); expected += chunk
            buffer.appendEscapingHTML("<\(n)&\"é\">"); expected += Array("&lt;\(n)&amp;&quot;é&quot;&gt;".utf8)
            buffer.appendDecimal(n * 7919); expected += Array(String(n * 7919).utf8)
            buffer.appendRaw("<b>"); expected += Array("<b>".utf8)
        }
        #expect(buffer.count == expected.count)
        #expect(Array(buffer.bytes) == expected)
    }

    @Test func smallAndLargeMapsResolveTheSameNamesAndMisses() throws {
        let set = try TemplateSet(templates: ["t": "{{#item}}{{a}}-{{b}}-{{missing}}-{{top}}-{{inner.k}}{{/item}}"])
        let small: TemplateMap = ["a": "1", "b": "2", "inner": .map(["k": "v"])]
        var large = small
        for i in 0..<20 { large["filler\(i)"] = .int(i) }
        var innerLarge: TemplateMap = ["k": "v"]
        for i in 0..<20 { innerLarge["x\(i)"] = .int(i) }
        large["inner"] = .map(innerLarge)
        for item in [small, large] {
            #expect(try set.renderString("t", ["item": .map(item), "top": "T"]) == "1-2--T-v")
        }
    }

    @Test func keysThatAreEqualUnicodeButDifferentBytesMatchInSmallMapsAsInLargeOnes() throws {
        // "é" precomposed in the template, decomposed in the map: Swift strings compare equal, as dictionary lookup does.
        let set = try TemplateSet(templates: ["t": "{{#m}}{{caf\u{E9}}}{{/m}}"])
        let decomposed = "cafe\u{301}"
        #expect(try set.renderString("t", ["m": .map([decomposed: "ok"])]) == "ok")
        var large: TemplateMap = [decomposed: "ok"]
        for i in 0..<10 { large["k\(i)"] = .int(i) }
        #expect(try set.renderString("t", ["m": .map(large)]) == "ok")
    }
}
