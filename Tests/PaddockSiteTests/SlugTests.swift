import Foundation
import Testing
@testable import PaddockSite

@Suite struct SlugTests {
    @Test(arguments: [
        ("Éclair d'Or", "eclair-d-or"),
        ("  Arko  III ", "arko-iii"),
        ("Weißer Blitz", "weisser-blitz"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("../../etc/passwd", "etc-passwd"),
        ("Cœur & Âme", "coeur-and-ame"),
        ("KWPN", "kwpn"),
    ])
    func foldsNamesToSafeASCII(name: String, expected: String) {
        #expect(Slug.make(name) == expected)
    }

    @Test(arguments: ["", "...", "..", ".", "🐴🐴", "   ", "///"])
    func fallsBackWhenNothingUsableIsLeft(name: String) {
        let slug = Slug.make(name, fallback: "horse-42")
        #expect(slug == "horse-42")
    }

    @Test(arguments: ["con", "CON", "index", "Assets", "page", "mares", "nul", "lpt1", "404"])
    func neverReturnsAReservedName(name: String) {
        let slug = Slug.make(name)
        #expect(!Slug.reserved.contains(slug))
        #expect(slug.hasPrefix(name.lowercased()))
    }

    @Test func capsTheLength() {
        let slug = Slug.make(String(repeating: "Longname ", count: 500))
        #expect(slug.count <= Slug.maxLength)
        #expect(!slug.hasSuffix("-"))
    }

    @Test func transliteratesNonLatinScripts() {
        #expect(Slug.make("Ελλάς") == "ellas")
        #expect(!Slug.make("حصان").isEmpty)
        #expect(Slug.make("حصان").allSatisfy { $0.isASCII })
    }

    @Test func resolvesCollisionsByIDWithTheSmallestIDKeepingThePlainSlug() {
        let slugs = SlugAllocator.allocate([(id: "20", name: "Arko"), (id: "3", name: "ARKO"), (id: "100", name: "arko!")])
        #expect(slugs["3"] == "arko")
        #expect(slugs["20"] == "arko-20")
        #expect(slugs["100"] == "arko-100")
    }

    @Test func slugsDoNotDependOnInputOrder() {
        let items = (0..<200).map { (id: String($0), name: ["Arko", "Bella", "Éclair", "con", ""][$0 % 5]) }
        let forward = SlugAllocator.allocate(items)
        let backward = SlugAllocator.allocate(items.reversed())
        #expect(forward == backward)
    }

    @Test func slugsAreUniqueEvenWhenAnIDSuffixCollidesWithAName() {
        let items = [(id: "1", name: "Arko"), (id: "2", name: "Arko 3"), (id: "3", name: "Arko"), (id: "4", name: "Arko-3")]
        let slugs = SlugAllocator.allocate(items)
        #expect(Set(slugs.values).count == items.count)
        for slug in slugs.values {
            #expect(slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        }
    }

    @Test func longCollidingNamesStayWithinTheCapPlusTheSuffix() {
        let name = String(repeating: "x", count: 300)
        let slugs = SlugAllocator.allocate([(id: "1", name: name), (id: "2", name: name)])
        #expect(slugs["1"]!.count == Slug.maxLength)
        #expect(slugs["2"]!.count <= Slug.maxLength)
        #expect(slugs["2"]!.hasSuffix("-2"))
    }

    @Test func longIDsSharingAPrefixGetShortDistinctSuffixesThatDependOnlyOnTheirID() {
        // Husbandry ids are UUIDs that often share their first 24 characters.
        let ids = (0..<2_000).map { "1cc407e2-8ad7-5464-845d-" + String(format: "%012x", $0) }
        let slugs = SlugAllocator.allocate(ids.map { (id: $0, name: "Arctic het Albino") })
        #expect(Set(slugs.values).count == ids.count)
        #expect(slugs[ids[0]] == "arctic-het-albino")
        for id in ids.dropFirst() {
            let slug = slugs[id]!
            #expect(slug.count == "arctic-het-albino-".count + 12, "\(slug)")
            #expect(!slug.contains("--"))
        }
        // The same id gets the same slug whatever else is listed with it.
        let alone = SlugAllocator.allocate([(id: ids[0], name: "Arctic het Albino"), (id: ids[1_500], name: "Arctic het Albino")])
        #expect(alone[ids[1_500]] == slugs[ids[1_500]])
        #expect(SlugAllocator.idSuffix(ids[7]) != SlugAllocator.idSuffix(ids[8]))
        #expect(SlugAllocator.idSuffix("1042") == "1042")
    }
}
