import Foundation
import PaddockMedia

// Paddock's picture step over a folder of photographs: every file into every width and format,
// on MediaThreads (one libvips pipeline per core), as a build does. Prints files/s and peak RSS.
//
//   ImageBenchmark IN_FOLDER OUT_FOLDER [widths, e.g. 320,640,1024,1600] [formats, e.g. webp,jpeg]
MallocArenas.limitToCores()   // as paddock does
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: ImageBenchmark IN OUT [widths] [formats]\n".utf8))
    exit(2)
}
let input = URL(filePath: arguments[1]), output = URL(filePath: arguments[2])
var settings = MediaSettings()
if arguments.count > 3 { settings.widths = arguments[3].split(separator: ",").compactMap { Int($0) } }
if arguments.count > 4 { settings.formats = arguments[4].split(separator: ",").compactMap { ImageFormat(rawValue: String($0)) } }
try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
let files = try FileManager.default.contentsOfDirectory(atPath: input.path).filter { $0.hasSuffix(".jpg") }.sorted()
let processor = ImageProcessor(settings: settings)
let threads = MediaThreads.shared

let started = ContinuousClock.now
let written = try await withThrowingTaskGroup(of: Int.self) { group in
    var pending = files.makeIterator()
    func next() -> Bool {
        guard let name = pending.next() else { return false }
        group.addTask {
            try await threads.run { _ in
                let bytes = try Data(contentsOf: input.appending(path: name))
                let header = try processor.inspect(bytes)
                let image = try processor.process(bytes, header: header, variants: processor.variants(for: header), placeholder: false)
                for variant in image.variants {
                    try variant.bytes.write(to: output.appending(path: "\(name)-\(variant.width).\(variant.format.fileExtension)"))
                }
                return image.variants.count
            }
        }
        return true
    }
    for _ in 0..<threads.count * 2 where !next() { break }
    var total = 0
    while let count = try await group.next() {
        total += count
        _ = next()
    }
    return total
}
let elapsed = ContinuousClock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print(String(format: "paddock: %d files, %d variants, %.2f s, %.2f files/s, peak RSS %d MB",
             files.count, written, seconds, Double(files.count) / seconds, usage.ru_maxrss / 1024))
