import Foundation
import Logging
import PaddockCatalogue
import PaddockSandbox
import PaddockSources
import PaddockTestSupport
import Testing
@testable import PaddockSite

/// The per-language filter indexes: what they hold (against the sandbox's statement), their
/// size, and the genes read from morph names.
@Suite struct FilterIndexTests {
    static let logger = Logger(label: "test.filters", factory: { _ in SwiftLogNoOpLogHandler() })

    /// An index file read back: `cols` by name.
    struct Index {
        let object: [String: Any]
        var n: Int { object["n"] as! Int }
        func column(_ name: String) -> [String: Any] { (object["cols"] as! [String: Any])[name] as! [String: Any] }
        func texts(_ name: String) -> [String] { column(name)["s"] as! [String] }
        func numbers(_ name: String) -> [Any] { column(name)["n"] as! [Any] }
        /// A coded column's value of each card (nil: none).
        func coded(_ name: String) -> [String?] {
            let column = column(name), labels = column["d"] as! [String]
            return (column["i"] as! [Int]).map { $0 < 0 ? nil : labels[$0] }
        }
        func keys(_ name: String) -> [String?] {
            let column = column(name), keys = column["k"] as! [String]
            return (column["i"] as! [Int]).map { $0 < 0 ? nil : keys[$0] }
        }
        init(_ bytes: [UInt8]) throws { object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]) }
    }

    @Test func theIndexesHoldWhatTheSandboxSaysTheSiteOffers() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning { sandbox in
            let builder = StrictDocsBuildTests.builder(site, sandbox, husbandry: 1, refreshToken: nil)
            let collected = CollectedSite()
            let (plan, _) = try await builder.renderChecked(refetch: true, into: collected)
            let files = Dictionary(collected.pages.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
            let statement = sandbox.statement(husbandryVersion: 1)
            for language in ["en", "de"] {
                let horses = try Index(try #require(files["\(language)/index-horses.json"]))
                #expect(horses.n == statement.horses.count)
                #expect(Set(horses.texts("slug")) == Set(statement.horses.compactMap { plan.horseSlugs[$0] }))
                // Newest first: Equicty ids descending.
                let newest = statement.horses.sorted { Int($0)! > Int($1)! }.compactMap { plan.horseSlugs[$0] }
                #expect(horses.texts("slug") == newest)
                let catalogue = try #require(plan.catalogues[language])
                for (index, slug) in horses.texts("slug").enumerated() {
                    let horse = try #require(catalogue.horses.first { plan.horseSlugs[$0.id] == slug })
                    #expect(horses.texts("name")[index] == horse.name)
                    #expect(horses.keys("sex")[index] == (horse.gender == .unknown ? nil : horse.gender.rawValue.lowercased()))
                    #expect(horses.keys("studbook")[index] == plan.studbookSlug(of: horse))
                    #expect(horses.coded("sire")[index] == horse.pedigree?.sire)
                    #expect(horses.numbers("age")[index] as? Int == horse.age)
                }
                let animals = try Index(try #require(files["\(language)/index-animals.json"]))
                #expect(animals.n == statement.offeredAnimals.count)
                let slugs = animals.texts("slug")
                #expect(Set(slugs) == Set(statement.offeredAnimals.keys.compactMap { plan.animalSlugs[$0] }))
                for (id, truth) in statement.offeredAnimals {
                    let index = try #require(slugs.firstIndex(of: plan.animalSlugs[id] ?? ""))
                    #expect(animals.texts("reference")[index] == truth.reference)
                    let price = animals.numbers("price")[index] as? NSNumber
                    #expect(price.map { Decimal(string: $0.stringValue) } == truth.price.map { Optional($0) }, "\(truth.reference)")
                    #expect((animals.numbers("reserved")[index] as? Int == 1) == truth.reserved, "\(truth.reference)")
                    #expect(animals.keys("priceBand")[index] == (truth.price == nil ? "request" : animals.keys("priceBand")[index]))
                }
                // Every withheld animal stays out.
                #expect(statement.withheldAnimals.allSatisfy { plan.animalSlugs[$0].map { !slugs.contains($0) } ?? true })
            }
        }
    }

    @Test func theIndexStaysUnderSixtyBytesPerCardGzipped() async throws {
        let gzip = try #require(["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let count = 5_000
        let catalogue = Catalogue(language: "en", horses: GeneratedCatalogue.horses(count: count), animals: GeneratedCatalogue.animals(count: count))
        let config = TestSite.config(languages: ["en"], perPage: 24)
        let plan = SitePlan(config: config, catalogues: [catalogue])
        let theme = try Theme.load(folder: BundledTheme.folder())
        let data = LanguageData(language: "en", plan: plan, translations: theme.translations)
        let index = FilterIndex(data: data, plan: plan, localMedia: LocalMediaLinks(baseURL: config.baseURL, sitePaths: []))
        let folder = try TemporaryFolder("paddock-index-size")
        defer { folder.remove() }
        for (name, json) in [("horses", index.horses()), ("animals", index.animals())] {
            let bytes = json.bytes
            #expect(try Index(bytes).n == count)
            let file = folder.url.appending(path: "index-\(name).json")
            try Data(bytes).write(to: file)
            let zipped = try await ChildProcess.run(URL(filePath: gzip), ["-9", "-c", file.path], timeout: .seconds(60))
            #expect(zipped.succeeded)
            let perCard = Double(zipped.stdout.count) / Double(count)
            #expect(perCard < 60, "\(name): \(zipped.stdout.count) bytes gzipped for \(count) cards = \(perCard) bytes a card (raw \(bytes.count))")
        }
    }

    @Test(arguments: [
        ("Mojave Spider het Desert Ghost", ["Mojave": 0, "Spider": 0, "Desert Ghost": 1]),
        ("Normal het Tremper Albino", ["Tremper Albino": 1]),
        ("Pastel 66% het Clown", ["Pastel": 0, "Clown": 2]),
        ("Lilly White Pinstripe pos het Pied", ["Lilly White": 0, "Pinstripe": 0, "Pied": 2]),
        ("Normal", [:]),
        ("Arctic het Albino", ["Arctic": 0, "Albino": 1]),
    ])
    func morphNamesGiveVisualHetAndPossibleHetGenes(descriptor: String, expected: [String: Int]) {
        let known = ["Mojave", "Spider", "Desert Ghost [het]", "Tremper Albino", "Pastel", "Clown", "Lilly White", "Pinstripe", "Pied [het]", "Albino"]
        let morph = Morph(descriptor, known: known)
        #expect(Dictionary(uniqueKeysWithValues: morph.genes.map { ($0.name, $0.zygosity.rawValue) }) == expected)
    }
}
