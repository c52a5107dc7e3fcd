import Testing
@testable import PaddockSite
@testable import PaddockHTML

/// The strict scan's table of known tag names must answer exactly as the name dictionary does.
@Suite struct StrictPageScanTagTableTests {
    private func key(_ name: String) -> UInt64 { name.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    @Test func everyShortKnownNameIsFoundWithItsRules() {
        let short = StrictPageScan.tags.filter { $0.key.utf8.count <= 8 }
        #expect(short.count > 50)
        for (name, info) in short {
            let found = StrictPageScan.tagsByKey[key(name)]
            #expect(found?.tag == info.tag, "\(name)")
            #expect(found?.rules == info.rules, "\(name)")
        }
    }

    @Test func unknownNamesAreNotFound() {
        for name in ["x", "divx", "spam", "abcdefgh", "h7", "tablex", "custom-e", "\u{7F}"] where StrictPageScan.tags[name] == nil {
            #expect(StrictPageScan.tagsByKey[key(name)] == nil, "\(name)")
        }
        // Every two-letter name: the table holds no key it was not given.
        for a in UInt8(ascii: "a")...UInt8(ascii: "z") {
            for b in UInt8(ascii: "0")...UInt8(ascii: "z") {
                let name = String(decoding: [a, b], as: UTF8.self)
                #expect((StrictPageScan.tagsByKey[key(name)] != nil) == (StrictPageScan.tags[name] != nil), "\(name)")
            }
        }
    }
}
