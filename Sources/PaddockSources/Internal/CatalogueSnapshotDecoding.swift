import Dispatch
import Foundation
import PaddockCatalogue

/// Decodes a catalogue snapshot (`catalogue-en.json`, written by ``ResponseCache/storeCatalogue(_:)``)
/// on every core: the `horses` and `animals` arrays are cut into runs of whole elements, each
/// run decoded by its own `JSONDecoder`, and the runs joined in order. The result is the same
/// `Catalogue` a single `JSONDecoder` gives (tests compare them); a snapshot whose shape is not
/// the expected top-level object is decoded the plain way.
enum CatalogueSnapshotDecoding {
    static func decode(_ data: Data, makeDecoder: @Sendable () -> JSONDecoder) throws -> Catalogue {
        let decoded: Catalogue?? = try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let arrays = JSONElementRanges.topLevelArrays(in: bytes, keys: ["horses", "animals"]),
                  let horses = arrays["horses"], let animals = arrays["animals"],
                  let horseRuns = JSONElementRanges.runs(ofArray: horses, in: bytes),
                  let animalRuns = JSONElementRanges.runs(ofArray: animals, in: bytes) else { return .some(nil) }
            // The rest of the object (language, date) with both arrays emptied: a few bytes.
            var header = Data()
            var start = 0
            for range in [horses, animals].sorted(by: { $0.lowerBound < $1.lowerBound }) {
                header.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<range.lowerBound]))
                header.append(contentsOf: Array("[]".utf8))
                start = range.upperBound
            }
            header.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            var catalogue = try makeDecoder().decode(Catalogue.self, from: header)
            catalogue.horses = try decodeRuns(horseRuns, of: Horse.self, in: bytes, makeDecoder: makeDecoder)
            catalogue.animals = try decodeRuns(animalRuns, of: SaleAnimal.self, in: bytes, makeDecoder: makeDecoder)
            return catalogue
        }
        if let decoded = decoded ?? nil { return decoded }
        return try makeDecoder().decode(Catalogue.self, from: data)
    }

    private static func decodeRuns<Item: Decodable & Sendable>(_ runs: [Range<Int>], of type: Item.Type, in bytes: UnsafeBufferPointer<UInt8>,
                                                              makeDecoder: @Sendable () -> JSONDecoder) throws -> [Item] {
        guard !runs.isEmpty else { return [] }
        let results = RunResults<[Item]>(count: runs.count)
        let source = UnsafeSendableBytes(bytes)
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            var chunk = Data(capacity: runs[index].count + 2)
            chunk.append(UInt8(ascii: "["))
            chunk.append(contentsOf: UnsafeBufferPointer(rebasing: source.bytes[runs[index]]))
            chunk.append(UInt8(ascii: "]"))
            results.set(index, Result { try makeDecoder().decode([Item].self, from: chunk) })
        }
        var items: [Item] = []
        for result in try results.all() { items += try result.get() }
        return items
    }
}

/// The snapshot's bytes, read (never written) by the decoding workers while `decode` waits for them.
private struct UnsafeSendableBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

/// One result slot per run, each written once from the worker that decoded it.
private final class RunResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result<Value, any Error>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<Value, any Error>) { lock.lock(); values[index] = value; lock.unlock() }
    func all() throws -> [Result<Value, any Error>] { lock.lock(); defer { lock.unlock() }; return values.map { $0! } }
}

/// Byte ranges in a JSON document, found without decoding it.
enum JSONElementRanges {
    /// The ranges (brackets included) of the arrays at `keys` of a top-level object, or `nil`
    /// when the document is not such an object.
    static func topLevelArrays(in bytes: UnsafeBufferPointer<UInt8>, keys: Set<String>) -> [String: Range<Int>]? {
        var index = skipSpace(bytes, 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var found: [String: Range<Int>] = [:]
        while true {
            index = skipSpace(bytes, index)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "}") { return found }
            guard bytes[index] == UInt8(ascii: "\""), let keyEnd = stringEnd(bytes, index) else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<(keyEnd - 1)]), as: UTF8.self)
            index = skipSpace(bytes, keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(bytes, index + 1)
            guard let valueEnd = valueEnd(bytes, index) else { return nil }
            if keys.contains(key) {
                guard bytes[index] == UInt8(ascii: "[") else { return nil }
                found[key] = index..<valueEnd
            }
            index = skipSpace(bytes, valueEnd)
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
    }

    /// The array at `range` cut into a few runs of whole elements (separating commas inside a run).
    static func runs(ofArray range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, perCore: Int = 4) -> [Range<Int>]? {
        var elements: [Range<Int>] = []
        var index = skipSpace(bytes, range.lowerBound + 1)
        while index < range.upperBound - 1 {
            guard let end = valueEnd(bytes, index) else { return nil }
            elements.append(index..<end)
            index = skipSpace(bytes, end)
            if index < range.upperBound - 1 {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index = skipSpace(bytes, index + 1)
            }
        }
        guard !elements.isEmpty else { return [] }
        let count = min(elements.count, max(1, ProcessInfo.processInfo.activeProcessorCount * perCore))
        return (0..<count).map { run in
            let first = elements.count * run / count, last = elements.count * (run + 1) / count - 1
            return elements[first].lowerBound..<elements[last].upperBound
        }
    }

    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        return index
    }

    /// One past the closing quote of the string starting at `start`.
    static func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    /// One past the end of the value starting at `start` (object, array, string or scalar).
    static func valueEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""): return stringEnd(bytes, start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(bytes, index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20 || byte == 0x0A
                    || byte == 0x0D || byte == 0x09 { break }
                index += 1
            }
            return index > start ? index : nil
        }
    }
}
