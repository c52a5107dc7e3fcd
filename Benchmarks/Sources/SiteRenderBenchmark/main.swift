// Renders a synthetic catalogue with the default theme, in memory, and reports time, pages and
// peak memory. Usage: swift run -c release --package-path Benchmarks SiteRenderBenchmark [horses] [animals] [rounds] [--stream]
// --digest prints a hash of every file of round 1 (to check that an optimisation changes no byte).
// --stream renders once through the streaming API (nothing kept) to show its peak memory.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PaddockCatalogue
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
var times: [Double] = []
let streaming = CommandLine.arguments.contains("--stream")
for round in 1...max(1, rounds) where !streaming {
    let start = ContinuousClock.now
    let plan = SitePlan(config: config, catalogues: catalogues)
    let planned = ContinuousClock.now
    let pages = try renderer.render(plan: plan)
    let end = ContinuousClock.now
    let seconds = Double((end - start).components.attoseconds) / 1e18 + Double((end - start).components.seconds)
    let planSeconds = Double((planned - start).components.attoseconds) / 1e18 + Double((planned - start).components.seconds)
    let bytes = pages.reduce(0) { $0 + $1.bytes.count }
    let horsePages = pages.filter { $0.template == "horse" }
    let horseBytes = horsePages.reduce(0) { $0 + $1.bytes.count } / max(1, horsePages.count)
    times.append(seconds)
    if round == 1 && CommandLine.arguments.contains("--digest") {
        // FNV-1a over every path and its bytes, in the plan's order: equal digests mean byte-identical output.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for page in pages {
            for byte in page.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            page.bytes.withUnsafeBufferPointer { buffer in for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 } }
        }
        print("digest \(String(hash, radix: 16)) over \(pages.count) files")
    }
    print(String(format: "round %d: %d files, %.1f MB, plan %.3f s, plan+render %.3f s (%.0f pages/s), horse page %d B, peak RSS %.0f MB",
                 round, pages.count, Double(bytes) / 1e6, planSeconds, seconds, Double(pages.count) / seconds, horseBytes, peakMemoryMB()))
}
if !times.isEmpty { print(String(format: "median plan+render: %.3f s", times.sorted()[times.count / 2])) }

/// Bytes handed to the streaming sink.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ n: Int) { lock.lock(); total += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}
if streaming {
    let counter = Counter()
    let start = ContinuousClock.now
    try renderer.render(plan: SitePlan(config: config, catalogues: catalogues)) { counter.add($0.bytes.count) }
    let elapsed = ContinuousClock.now - start
    print("streamed \(counter.value / 1_000_000) MB in \(elapsed), peak RSS \(Int(peakMemoryMB())) MB")
}
