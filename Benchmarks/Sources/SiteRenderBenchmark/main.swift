// Plans and renders a synthetic catalogue with the default theme through the renderer's streaming
// API, on every core, and reports time, files, bytes and peak memory; nothing is written or kept.
// Usage: scripts/bench SiteRenderBenchmark [horses] [animals] [rounds] [--digest]
// --digest prints a hash of every file of round 1 (to check that an optimisation changes no byte).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PaddockCatalogue
import PaddockPublish
import PaddockSite

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let horseCount = arguments.count > 0 ? arguments[0] : 10_000
let animalCount = arguments.count > 1 ? arguments[1] : 10_000
let rounds = arguments.count > 2 ? arguments[2] : 3

func horse(_ i: Int, studbook: String, gender: HorseGender) -> Horse {
    var names: [String: String] = [:]
    for key in Pedigree.keys { names[key] = "Ancestor \(key) \(i % 500)" }
    var pictures: [Media] = []
    for n in 0..<6 {
        pictures.append(Media(url: "https://cdn.example/h/\(i)-\(n).jpg", miniatureURL: "https://cdn.example/h/\(i)-\(n)-t.jpg"))
    }
    let additional = AdditionalInfo(breedingAssociations: ["KWPN"], semenAvailability: ["Fresh", "Frozen"],
                                    wffsTestResult: "Negative", semenPrice: "€ 950", salesContent: "For sale to a good home.")
    return Horse(id: String(10_000 + i), name: "Horse \(i) & Co <\(i % 97)>", age: i % 25, sex: "Sex", gender: gender,
                 studbook: studbook, color: "Bay", height: 1.6 + Double(i % 20) / 100, heightUnit: "m",
                 breeder: "Breeder \(i % 300)", horsetelex: i % 4 == 0, pedigree: Pedigree(names: names),
                 miniatureURL: "https://cdn.example/h/\(i)-s.jpg", pictures: pictures,
                 videos: [Media(name: "Under saddle", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ")],
                 info: "A kind horse with three good gaits. \"Great\" jumper & mover.", additional: additional)
}

func catalogue() -> Catalogue {
    let studbooks = ["KWPN", "Holsteiner", "Hannoveraner", "Oldenburg", "BWP", "SF", "Trakehner"]
    let genders: [HorseGender] = [.stallion, .mare, .gelding, .filly, .colt]
    var horses: [Horse] = []
    horses.reserveCapacity(horseCount)
    for i in 0..<horseCount { horses.append(horse(i, studbook: studbooks[i % studbooks.count], gender: genders[i % 5])) }
    let species = (0..<8).map { Species(id: String($0), commonName: "Species \($0)", scientificName: "Genus species\($0)") }
    let animals = (0..<animalCount).map { i in
        SaleAnimal(id: "a\(i)", reference: "BP-\(i)", name: "Animal \(i)", descriptor: "Fire Leopard het Clown", species: species[i % 8],
                   sex: i % 2 == 0 ? .male : .female, dateOfBirth: CalendarDate(year: 2024, month: 1 + i % 12, day: 1 + i % 28),
                   dateAcquired: CalendarDate(year: 2025, month: 1 + i % 12, day: 1 + i % 28),
                   sireGenetics: [Gene(name: "Fire", trait: "Co-dominant")], damGenetics: [Gene(name: "Clown", trait: "Recessive")],
                   photos: ["https://cdn.example/a/\(i).jpg"], price: i % 3 == 0 ? nil : Decimal(100 + i % 900))
    }
    return Catalogue(language: "en", horses: horses, animals: animals)
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if os(Linux)
    return Double(usage.ru_maxrss) / 1024
    #else
    return Double(usage.ru_maxrss) / 1_048_576
    #endif
}

let root = FileManager.default.temporaryDirectory.appending(path: "paddock-bench-\(UUID().uuidString)")
let config = SiteConfig(root: root, title: "Benchmark Stable", baseURL: "https://stable.example/", languages: ["en"],
                        contactEmail: "info@stable.example", horsesPerPage: 24)
let catalogues = [catalogue()]
let theme = try Theme.load(folder: BundledTheme.folder())
let renderer = SiteRenderer(config: config, theme: theme, pages: MarkdownPages(sources: ["index": "# Welcome"]))
print("horses \(horseCount), animals \(animalCount), cores \(ProcessInfo.processInfo.activeProcessorCount)")

/// What the workers hand over in one round: counts, and with `--digest` each file's hash.
final class RoundTally: @unchecked Sendable {
    private let lock = NSLock()
    private let digesting: Bool
    private(set) var files = 0, bytes = 0, horsePages = 0, horseBytes = 0
    private var hashes: [(path: String, hash: UInt64)] = []

    init(digesting: Bool) { self.digesting = digesting }

    func add(_ page: RenderedPage) {
        // FNV-1a over the path and the bytes, worked out on the worker's thread, outside the lock.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if digesting {
            for byte in page.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            page.bytes.withUnsafeBufferPointer { buffer in for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        }
        lock.withLock {
            files += 1
            bytes += page.bytes.count
            if page.template == "horse" { horsePages += 1; horseBytes += page.bytes.count }
            if digesting { hashes.append((page.path, hash)) }
        }
    }

    /// One hash over every file's, in path order (the workers hand files over in any order):
    /// equal digests mean byte-identical output.
    var digest: UInt64 {
        lock.withLock {
            hashes.sorted { $0.path < $1.path }.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ $1.hash) &* 0x100_0000_01b3 }
        }
    }
}


var times: [Double] = []
let digesting = CommandLine.arguments.contains("--digest")
for round in 1...max(1, rounds) {
    let tally = RoundTally(digesting: digesting && round == 1)
    let start = ContinuousClock.now
    let plan = SitePlan(config: config, catalogues: catalogues)
    let planned = ContinuousClock.now
    try renderer.render(plan: plan) { tally.add($0) }
    let end = ContinuousClock.now
    let total = (end - start) / .seconds(1)
    times.append(total)
    if digesting && round == 1 { print("digest \(String(tally.digest, radix: 16)) over \(tally.files) files") }
    print(String(format: "round %d: %d files, %.1f MB, plan %.3f s, plan+render %.3f s (%.0f pages/s), horse page %d B, peak RSS %.0f MB",
                 round, tally.files, Double(tally.bytes) / 1e6, (planned - start) / .seconds(1), total, Double(tally.files) / total,
                 tally.horseBytes / max(1, tally.horsePages), peakMemoryMB()))
}
print(String(format: "median plan+render: %.3f s", times.sorted()[times.count / 2]))
