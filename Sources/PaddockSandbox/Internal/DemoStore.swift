import Foundation

/// The bundled demo data, loaded and checked once: horses, animals, breeders, species, words and
/// the HorseTelex HTML templates. Immutable after loading, so servers and tests share one copy.
struct DemoStore: Sendable {
    var stableName: String
    var horses: [DemoHorse]
    var animals: [DemoAnimal]
    var breeders: [DemoBreeder]
    var species: [String: DemoSpecies]
    /// `HorseGender` raw value → language → word.
    var sexes: [String: [String: String]]
    /// Colour key → language → word.
    var colors: [String: [String: String]]
    /// Horse id → HorseTelex HTML with `__HORSE_TEXTCOLOR__`, `__MARE_BGCOLOR__`, `__MARE_TEXTCOLOR__`,
    /// `__MEDIA_BASE__` and `__HORSE_ID__` placeholders.
    var horsetelexTemplates: [Int: String]
    /// The folder the sandbox serves under `/media/`.
    var mediaFolder: URL
    /// Horse id → position in `horses`.
    var horseIndex: [Int: Int] = [:]
    /// Animal `ids` → how its `sale_price` is written (`--strict-docs` only; otherwise the mixed forms).
    var priceForms: [String: DemoPriceForm] = [:]
    /// The smaXtec herd.
    var herd: DemoHerd = .empty

    /// Loads the demo data folder; `horseCount`/`animalCount` scale the sets up or down (benchmarks),
    /// then `includeHostile` appends the hostile items.
    static func load(folder: URL, includeHostile: Bool, horseCount: Int? = nil, animalCount: Int? = nil,
                     herdCount: Int? = nil) throws -> DemoStore {
        let horseFile: DemoHorseFile = try decode(folder.appendingPathComponent("horses.json"))
        let animalFile: DemoAnimalFile = try decode(folder.appendingPathComponent("animals.json"))
        var store = DemoStore(
            stableName: horseFile.stable ?? "Demo stable",
            horses: horseFile.horses,
            animals: animalFile.animals,
            breeders: animalFile.breeders ?? [],
            species: Dictionary((animalFile.species ?? []).map { ($0.ids, $0) }, uniquingKeysWith: { a, _ in a }),
            sexes: horseFile.sexes ?? [:],
            colors: horseFile.colors ?? [:],
            horsetelexTemplates: try templates(in: folder.appendingPathComponent("horsetelex")),
            mediaFolder: folder.appendingPathComponent("media")
        )
        if horseCount != nil || animalCount != nil {
            store = store.scaled(horses: horseCount, animals: animalCount)
        }
        if includeHostile {
            let hostile = folder.appendingPathComponent("hostile")
            let hostileHorses: DemoHorseFile = try decode(hostile.appendingPathComponent("horses.json"))
            let hostileAnimals: DemoAnimalFile = try decode(hostile.appendingPathComponent("animals.json"))
            store.horses += hostileHorses.horses
            store.animals += hostileAnimals.animals
            store.horsetelexTemplates.merge(try templates(in: hostile.appendingPathComponent("horsetelex"))) { a, _ in a }
        }
        for animal in store.animals where store.species[animal.species] == nil || !store.breeders.indices.contains(animal.breeder) {
            throw SandboxError.demoDataInvalid(file: "animals.json", reason: "animal \(animal.ids) names an unknown species or breeder")
        }
        store.herd = try DemoHerd.load(folder: folder, includeHostile: includeHostile, count: herdCount)
        store.horseIndex = Dictionary(store.horses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return store
    }

    /// The default data folder inside the module's resource bundle.
    static var bundledFolder: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "DemoData", withExtension: nil) else {
                throw SandboxError.demoDataMissing(path: Bundle.module.bundlePath + "/DemoData")
            }
            return url
        }
    }

    func horse(id: Int) -> (index: Int, horse: DemoHorse)? {
        horseIndex[id].map { ($0, horses[$0]) }
    }

    func word(_ table: [String: [String: String]], _ key: String, _ language: String) -> String {
        table[key]?[language] ?? table[key]?["en"] ?? key
    }

    private static func decode<T: Decodable>(_ url: URL) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw SandboxError.demoDataMissing(path: url.path) }
        do { return try JSONDecoder().decode(T.self, from: data) } catch {
            throw SandboxError.demoDataInvalid(file: url.lastPathComponent, reason: String(describing: error))
        }
    }

    private static func templates(in folder: URL) throws -> [Int: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var out: [Int: String] = [:]
        for name in names where name.hasSuffix(".html") {
            guard let id = Int(name.dropLast(5)) else { continue }
            out[id] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }
}
