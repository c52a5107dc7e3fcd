import Foundation
import PaddockCatalogue

/// Reading the runs of a snapshot's items on every core.
enum SnapshotRuns {
    /// The horses and animals of `horseRuns` and `animalRuns` (``SnapshotReader/readRuns()``), each
    /// run read by its own worker straight into its place in the result (no run is copied and
    /// freed afterwards: joining them had been the slowest serial step of reading).
    /// - Parameter checksummed: bytes whose ``SnapshotChecksum`` a worker of its own works out
    ///   meanwhile (the payload: its checksum had been the slowest step of reading, done first).
    /// - Throws: the error of the first run (in order) that does not read.
    static func read(horses horseRuns: [(range: Range<Int>, count: Int)], animals animalRuns: [(range: Range<Int>, count: Int)],
                     in bytes: UnsafeRawBufferPointer, checksummed: UnsafeRawBufferPointer) throws(SnapshotError)
        -> (horses: [Horse], animals: [SaleAnimal], checksum: UInt64) {
        let runs = horseRuns + animalRuns
        // Where each run's first item goes in its array.
        let horseStarts = horseRuns.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let animalStarts = animalRuns.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        let horseCount = horseStarts.last!, animalCount = animalStarts.last!
        let starts = Array(horseStarts.dropLast()) + Array(animalStarts.dropLast())
        let outcomes = SnapshotRunOutcomes(count: runs.count)
        let payload = UnsafeSendableRawBuffer(bytes), summed = UnsafeSendableRawBuffer(checksummed)
        var failure: SnapshotError?
        var animals: [SaleAnimal] = []
        let horses = [Horse](unsafeUninitializedCapacity: horseCount) { horseBuffer, horsesInitialized in
            animals = [SaleAnimal](unsafeUninitializedCapacity: animalCount) { animalBuffer, animalsInitialized in
                let targets = RunTargets(horses: horseBuffer, animals: animalBuffer)
                DispatchQueue.concurrentPerform(iterations: runs.count + 1) { iteration in
                    guard iteration > 0 else { return outcomes.setChecksum(SnapshotChecksum.of(summed.bytes)) }
                    let index = iteration - 1
                    var reader = SnapshotReader(payload.bytes, offset: runs[index].range.lowerBound)
                    let count = runs[index].count, end = runs[index].range.upperBound
                    var read = 0
                    do throws(SnapshotError) {
                        // (A damaged snapshot may claim runs of no items, in arrays of no storage.)
                        if count > 0, index < horseRuns.count {
                            let base = targets.horses.baseAddress! + starts[index]
                            while read < count { (base + read).initialize(to: try Horse(from: &reader)); read += 1 }
                        } else if count > 0 {
                            let base = targets.animals.baseAddress! + starts[index]
                            while read < count { (base + read).initialize(to: try SaleAnimal(from: &reader)); read += 1 }
                        }
                        guard reader.offset == end else { throw .damaged(offset: reader.offset, detail: "a run does not end where its length says") }
                        outcomes.set(index, read: read, error: nil)
                    } catch {
                        outcomes.set(index, read: read, error: error)
                    }
                }
                let results = outcomes.take()
                if let first = results.lazy.compactMap(\.error).first {
                    // Every item read is destroyed again; the arrays are left empty.
                    for (index, result) in results.enumerated() where result.read > 0 {
                        if index < horseRuns.count {
                            (horseBuffer.baseAddress! + starts[index]).deinitialize(count: result.read)
                        } else {
                            (animalBuffer.baseAddress! + starts[index]).deinitialize(count: result.read)
                        }
                    }
                    failure = first
                    animalsInitialized = 0
                    horsesInitialized = 0
                } else {
                    animalsInitialized = animalCount
                    horsesInitialized = horseCount
                }
            }
        }
        if let failure { throw failure }
        return (horses, animals, outcomes.checksum)
    }
}

/// The arrays' storage while the workers fill it, each worker its own runs' places.
private struct RunTargets: @unchecked Sendable {
    let horses: UnsafeMutableBufferPointer<Horse>
    let animals: UnsafeMutableBufferPointer<SaleAnimal>
}

/// The snapshot's bytes, only read, shared with the workers while `init` waits for them.
private struct UnsafeSendableRawBuffer: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// One slot per run, each set once by the worker that read it: how many items it placed, and
/// why it stopped if it did not read to its end; and the checksum its own worker worked out.
private final class SnapshotRunOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [(read: Int, error: SnapshotError?)]
    private var summed: UInt64 = 0
    init(count: Int) { outcomes = Array(repeating: (0, nil), count: count) }
    func set(_ index: Int, read: Int, error: SnapshotError?) { lock.withLock { outcomes[index] = (read, error) } }
    func take() -> [(read: Int, error: SnapshotError?)] { lock.withLock { outcomes } }
    func setChecksum(_ value: UInt64) { lock.withLock { summed = value } }
    var checksum: UInt64 { lock.withLock { summed } }
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
    /// how many (read later, by ``SnapshotRuns/read(horses:animals:in:alongside:)``).
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
}
