/// The entries of a map value: string keys to values, in insertion order.
///
/// A table of its own rather than a `Dictionary`: each entry keeps its key's hash, so the
/// renderer, which knows every name's hash from compiling the template, finds an entry without
/// hashing anything (a `Dictionary` hashes the key again on every look-up, and name look-ups
/// were a fifth of the engine's instructions). Small maps are scanned comparing hashes first;
/// larger ones keep an open-addressing index.
///
/// Keys compare as Swift strings do (canonical equivalence), and their hashes are Swift's own,
/// so keys equal as strings always meet. A key set again keeps its place with the new value.
///
/// ```swift
/// var horse: TemplateMap = ["name": "Arko", "age": 12]
/// horse["studbook"] = "KWPN"
/// let value = TemplateValue.map(horse)
/// ```
public struct TemplateMap: Sendable, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable {
        let hash: Int
        let key: String
        var value: TemplateValue
    }

    private(set) var entries: ContiguousArray<Entry> = []
    /// Entry index + 1 by hash slot (0: empty); empty while the map is small.
    private var slots: ContiguousArray<Int32> = []

    /// Maps up to this size are scanned: comparing a few integers beats probing an index.
    static let scanLimit = 8

    /// An empty map.
    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) { self.init(pairs: elements) }

    /// The pairs in order; a repeated key keeps its first place and its last value.
    public init(pairs: [(String, TemplateValue)]) {
        self.init(minimumCapacity: pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The entries of `dictionary`, in its order.
    public init(_ dictionary: [String: TemplateValue]) {
        self.init(minimumCapacity: dictionary.count)
        for (key, value) in dictionary { self[key] = value }
    }

    /// An empty map with room for `minimumCapacity` entries.
    public init(minimumCapacity: Int) {
        entries.reserveCapacity(minimumCapacity)
        if minimumCapacity > Self.scanLimit { slots = ContiguousArray(repeating: 0, count: Self.slotCount(for: minimumCapacity)) }
    }

    /// The number of entries.
    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// The keys, in insertion order.
    public var keys: [String] { entries.map(\.key) }
    /// The values, in the order of their keys.
    public var values: [TemplateValue] { entries.map(\.value) }

    /// Room for `capacity` entries without growing.
    public mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
        if capacity > Self.scanLimit, slots.count < Self.slotCount(for: capacity) { rebuildSlots(count: Self.slotCount(for: capacity)) }
    }

    /// The value under `key`; setting `nil` removes the entry, setting a key again keeps its place.
    public subscript(key: String) -> TemplateValue? {
        get { self[key, hash: key.hashValue] }
        set {
            let hash = key.hashValue
            if let index = index(of: key, hash: hash) {
                if let newValue { entries[index].value = newValue } else { remove(at: index) }
                return
            }
            guard let newValue else { return }
            entries.append(Entry(hash: hash, key: key, value: newValue))
            if slots.isEmpty {
                if entries.count > Self.scanLimit { rebuildSlots(count: Self.slotCount(for: entries.count)) }
            } else if slots.count < entries.count * 2 {
                rebuildSlots(count: slots.count * 2)
            } else {
                insertSlot(entries.count - 1)
            }
        }
    }

    /// The value under `key`, whose `hashValue` is `hash` (the renderer's names carry theirs).
    @inline(__always)
    subscript(key: String, hash hash: Int) -> TemplateValue? {
        guard let index = index(of: key, hash: hash) else { return nil }
        return entries[index].value
    }

    @inline(__always)
    func index(of key: String, hash: Int) -> Int? {
        if slots.isEmpty {
            for index in entries.indices where entries[index].hash == hash && entries[index].key == key { return index }
            return nil
        }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            let index = stored - 1
            if entries[index].hash == hash && entries[index].key == key { return index }
            slot = (slot + 1) & mask
        }
    }

    private mutating func remove(at index: Int) {
        entries.remove(at: index)
        if !slots.isEmpty { rebuildSlots(count: slots.count) }
    }

    /// A power of two at least twice `count`, so probes stay short.
    private static func slotCount(for count: Int) -> Int {
        var slots = 16
        while slots < count * 2 { slots *= 2 }
        return slots
    }

    private mutating func rebuildSlots(count: Int) {
        slots = ContiguousArray(repeating: 0, count: count)
        for index in entries.indices { insertSlot(index) }
    }

    private mutating func insertSlot(_ index: Int) {
        let mask = slots.count - 1
        var slot = entries[index].hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }
}

extension TemplateMap: Sequence {
    /// The entries as `(key, value)` pairs, in insertion order.
    public struct Iterator: IteratorProtocol {
        var base: ContiguousArray<Entry>.Iterator
        public mutating func next() -> (key: String, value: TemplateValue)? {
            base.next().map { ($0.key, $0.value) }
        }
    }

    public func makeIterator() -> Iterator { Iterator(base: entries.makeIterator()) }
    public var underestimatedCount: Int { entries.count }
}
