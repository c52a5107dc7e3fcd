// The HorseTelex sanitiser over the pedigrees of a fetched catalogue, on one core (run by hand; see
// docs/PERFORMANCE.md):
//   scripts/bench SanitizerBenchmark CACHE/catalogue-en.json [ROUNDS]
// Sanitises every horse's `horsetelexHTML` once per round; prints each round's time, the median,
// the time per pedigree and a digest of the output (equal digests: equal output).
import Foundation
import PaddockHTML

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    print("usage: SanitizerBenchmark CACHE/catalogue-en.json [ROUNDS]")
    exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
guard let catalogue = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let horses = catalogue["horses"] as? [[String: Any]] else {
    print("no horses in \(arguments[1])")
    exit(1)
}
let pedigrees = horses.compactMap { $0["horsetelexHTML"] as? String }.filter { !$0.isEmpty }
let bytes = pedigrees.reduce(0) { $0 + $1.utf8.count }
print("\(pedigrees.count) pedigrees, \(bytes / max(pedigrees.count, 1)) bytes on average")

var times: [Double] = []
var digest: UInt64 = 0
for round in 1...rounds {
    let start = ContinuousClock.now
    var hash: UInt64 = 14_695_981_039_346_656_037
    var logos = 0
    for html in pedigrees {
        let result = HorseTelexSanitizer.sanitize(html)
        if result.hasHorseTelexLogo { logos += 1 }
        for byte in result.html.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
    }
    let elapsed = ContinuousClock.now - start
    let seconds = elapsed / .seconds(1)
    times.append(seconds)
    digest = hash
    print(String(format: "round %d: %.3f s (%.1f µs per pedigree), %d with a logo", round, seconds, seconds * 1e6 / Double(pedigrees.count), logos))
}
let median = times.sorted()[times.count / 2]
print(String(format: "median %.3f s, %.1f µs per pedigree; output digest %016llx", median, median * 1e6 / Double(pedigrees.count), digest))
