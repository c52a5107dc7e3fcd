import Foundation

/// Reading the runs of a snapshot's items on every core.
enum SnapshotRuns {
    /// The horses and animals of `horseRuns` and `animalRuns` (``SnapshotReader/readRuns()``), each
    /// run read by its own worker, joined in order.
    static func read(horses horseRuns: [(range: Range<Int>, count: Int)], animals animalRuns: [(range: Range<Int>, count: Int)],
                     in bytes: UnsafeRawBufferPointer) throws(SnapshotError) -> (horses: [Horse], animals: [SaleAnimal]) {
        let runs = horseRuns + animalRuns
        let decoded = SnapshotRunResults(count: runs.count)
        let payload = UnsafeSendableRawBuffer(bytes)
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            var runReader = SnapshotReader(payload.bytes, offset: runs[index].range.lowerBound)
            let count = runs[index].count, end = runs[index].range.upperBound
            decoded.set(index, Result { () throws(SnapshotError) -> SnapshotRun in
                if index < horseRuns.count {
                    return .horses(try runReader.readItems(count, upTo: end) { (reader: inout SnapshotReader) throws(SnapshotError) in try Horse(from: &reader) })
                }
                return .animals(try runReader.readItems(count, upTo: end) { (reader: inout SnapshotReader) throws(SnapshotError) in try SaleAnimal(from: &reader) })
            })
        }
        var horses: [Horse] = [], animals: [SaleAnimal] = []
        horses.reserveCapacity(horseRuns.reduce(0) { $0 + $1.count })
        animals.reserveCapacity(animalRuns.reduce(0) { $0 + $1.count })
        for result in decoded.take() {
            switch try result.get() {
            case .horses(let items): horses += items
            case .animals(let items): animals += items
            }
        }
        return (horses, animals)
    }
}

/// The items of one run, read by one worker.
private enum SnapshotRun: Sendable {
    case horses([Horse])
    case animals([SaleAnimal])
}

/// The snapshot's bytes, only read, shared with the workers while `init` waits for them.
private struct UnsafeSendableRawBuffer: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// One slot per run, each set once by the worker that read it.
private final class SnapshotRunResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<SnapshotRun, SnapshotError>?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<SnapshotRun, SnapshotError>) { lock.withLock { results[index] = result } }
    func take() -> [Result<SnapshotRun, SnapshotError>] { lock.withLock { results.map { $0! } } }
}

extension SnapshotWriter {
    /// Items in runs of `runLength`: the number of runs, then each run's item count, byte length
    /// and items, so a reader can hand every run to its own worker.
    mutating func writeRuns<Element>(_ items: [Element], runLength: Int = 1024, _ body: (inout SnapshotWriter, Element) -> Void) {
        let runs = stride(from: 0, to: items.count, by: runLength).map { $0..<min($0 + runLength, items.count) }
        write(UInt64(runs.count))
        for run in runs {
            var part = SnapshotWriter()
            for item in items[run] { body(&part, item) }
            write(UInt64(run.count))
            write(UInt64(part.bytes.count))
            append(part.bytes)
        }
    }
}

extension SnapshotReader {
    /// The runs ``SnapshotWriter/writeRuns(_:runLength:_:)`` wrote: where each one's items are and
    /// how many (read later, by ``readItems(_:upTo:_:)``).
    mutating func readRuns() throws(SnapshotError) -> [(range: Range<Int>, count: Int)] {
        let runCount = try readCount()
        var runs: [(range: Range<Int>, count: Int)] = []
        for _ in 0..<runCount {
            let count = try readUInt64()
            let length = try readCount()
            guard count <= UInt64(length) else { throw .damaged(offset: offset, detail: "\(count) items in \(length) bytes") }
            runs.append((offset..<(offset + length), Int(count)))
            skip(length)
        }
        return runs
    }

    /// `count` items that must end exactly at `end`.
    mutating func readItems<Element>(_ count: Int, upTo end: Int, _ body: (inout SnapshotReader) throws(SnapshotError) -> Element) throws(SnapshotError) -> [Element] {
        var items: [Element] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try body(&self)) }
        guard offset == end else { throw .damaged(offset: offset, detail: "a run does not end where its length says") }
        return items
    }
}
