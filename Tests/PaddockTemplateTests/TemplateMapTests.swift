import PaddockTestSupport
import Testing
@testable import PaddockTemplate

/// ``TemplateMap`` must behave as `[String: TemplateValue]` does, scanned or indexed, at every size.
@Suite struct TemplateMapTests {
    /// A value's text, for comparing maps with dictionaries (`TemplateValue` is not `Equatable`).
    private func text(_ value: TemplateValue?) -> String? { value.map { $0.interpolationText } }

    @Test func setsReplacesRemovesAndFindsAsADictionaryDoesAtEverySize() {
        var rng = SeededGenerator(seed: 2026)
        for round in 0..<40 {
            var map = TemplateMap()
            var dictionary: [String: TemplateValue] = [:]
            if round % 3 == 0 { map.reserveCapacity(Int.random(in: 0...40, using: &rng)) }
            let keyCount = [4, 9, 17, 40, 120][round % 5]
            for _ in 0..<(keyCount * 4) {
                let key = "k\(Int.random(in: 0..<keyCount, using: &rng))"
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    map[key] = nil; dictionary[key] = nil
                } else {
                    let value = TemplateValue.int(Int.random(in: 0..<1000, using: &rng))
                    map[key] = value; dictionary[key] = value
                }
                #expect(map.count == dictionary.count)
            }
            for k in 0..<(keyCount + 5) {
                let key = "k\(k)"
                #expect(text(map[key]) == text(dictionary[key]), "round \(round), \(key)")
                #expect(text(map[key, hash: key.hashValue]) == text(dictionary[key]))
            }
            #expect(Set(map.keys) == Set(dictionary.keys))
        }
    }

    @Test func keepsInsertionOrderAndAKeySetAgainKeepsItsPlace() {
        var map: TemplateMap = ["b": 1, "a": 2]
        for i in 0..<20 { map["x\(i)"] = .int(i) }
        map["b"] = 3
        #expect(Array(map.keys.prefix(3)) == ["b", "a", "x0"])
        #expect(map.map { $0.value.interpolationText }.prefix(2) == ["3", "2"])
    }

    @Test func literalWithARepeatedKeyKeepsTheLastValue() {
        let map: TemplateMap = ["a": 1, "b": 2, "a": 3]
        #expect(map.count == 2)
        #expect(text(map["a"]) == "3")
    }

    @Test func canonicallyEquivalentKeysMeetInScannedAndIndexedMaps() {
        // Precomposed and decomposed "é", and the Kelvin sign, which is canonically "K".
        for size in [1, 30] {
            var map = TemplateMap()
            for i in 0..<size { map["filler\(i)"] = .int(i) }
            map["cafe\u{301}"] = "decomposed"
            map["\u{212A}"] = "kelvin"
            #expect(text(map["caf\u{E9}"]) == "decomposed")
            #expect(text(map["K"]) == "kelvin")
            map["caf\u{E9}"] = "replaced"
            #expect(map.count == size + 2)
            #expect(text(map["cafe\u{301}"]) == "replaced")
        }
    }
}
