/// Gives every item of a collection a unique slug, deterministically and stably.
///
/// Items are taken in the order of their ids (numeric ids by value, then text), so the same
/// input always yields the same slugs. When two names fold to the same slug, the item with the
/// smallest id keeps the plain slug and every other one gets its id appended (`arko-1042`).
/// A new item with the same name as an older one therefore never takes the older one's address
/// as long as ids grow over time. Ids longer than ``maxIDSuffix`` (UUIDs, which often share long
/// prefixes) are appended as a short digest of the whole id instead, which depends on nothing
/// but the id.
package struct SlugAllocator: Sendable {
    private var taken: Set<String>
    /// Slugs the site has published before, by the id of the item they belong to: no other item
    /// ever takes one (its old address keeps answering for it).
    private var owners: [String: String]
    /// Suffixes are always a digest of the id, never the id itself (ids that must not be published).
    private let opaque: Bool

    /// - Parameters:
    ///   - taken: slugs already in use in the same folder.
    ///   - owners: slugs published before → the id of their item.
    ///   - opaque: suffix a digest of the id even to a short one (the id is private).
    package init(taken: Set<String> = [], owners: [String: String] = [:], opaque: Bool = false) {
        self.taken = taken; self.owners = owners; self.opaque = opaque
    }

    /// Slugs by id for `items` (id, name); a repeated id keeps the name it first came with.
    /// - Parameter pinned: id → slug for items that keep the address they were first published under.
    package static func allocate(_ items: [(id: String, name: String)], taken: Set<String> = [],
                                 owners: [String: String] = [:], pinned: [String: String] = [:],
                                 opaque: Bool = false) -> [String: String] {
        var allocator = SlugAllocator(taken: taken, owners: owners, opaque: opaque)
        var result: [String: String] = [:]
        var firstName: [String: String] = [:]
        for item in items where firstName[item.id] == nil { firstName[item.id] = item.name }
        result.reserveCapacity(firstName.count)
        var unpinned: [String] = []
        for id in sortedIDs(firstName.keys) {
            if let slug = pinned[id], allocator.take(slug, id: id) { result[id] = slug } else { unpinned.append(id) }
        }
        for id in unpinned { result[id] = allocator.claim(name: firstName[id]!, id: id) }
        return result
    }

    /// Takes `slug` for `id` when it is free and no other item published it before.
    private mutating func take(_ slug: String, id: String) -> Bool {
        if let owner = owners[slug], owner != id { return false }
        return taken.insert(slug).inserted
    }

    /// Claims the slug of `name`, or a suffixed one when it is taken.
    package mutating func claim(name: String, id: String) -> String {
        let base = Slug.make(name, fallback: id)
        if take(base, id: id) { return base }
        // Slugs are ASCII: cut and join them on their bytes (no grapheme breaking).
        let idSlug = Self.idSuffix(id, opaque: opaque)
        var stemBytes = Array(base.utf8.prefix(max(0, Slug.maxLength - idSlug.utf8.count - 1)))
        while stemBytes.last == UInt8(ascii: "-") { stemBytes.removeLast() }
        let stem = String(decoding: stemBytes, as: UTF8.self)
        var candidate = stem.isEmpty ? idSlug : stem + "-" + idSlug
        var n = 2
        while !take(candidate, id: id) {
            candidate = (stem.isEmpty ? "" : stem + "-") + idSlug + "-" + String(n)
            n += 1
        }
        return candidate
    }

    /// Ids up to this many characters (once folded) are appended as they are.
    package static let maxIDSuffix = 16

    /// The suffix that tells an item apart by its id: the folded id, or for a long one 12 hex
    /// digits of its FNV-1a digest (the same on every machine and build).
    static func idSuffix(_ id: String, opaque: Bool = false) -> String {
        let folded = Slug.fold(id)
        if folded.isEmpty { return "x" }
        if folded.utf8.count <= maxIDSuffix && !opaque { return folded }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }

    /// Orders ids: numeric ones by value first, then the rest as text.
    static func idLess(_ a: String, _ b: String) -> Bool { idLess((a, Int(a)), (b, Int(b))) }

    /// `ids` in ``idLess(_:_:)`` order, each parsed once rather than once per comparison.
    static func sortedIDs(_ ids: some Sequence<String>) -> [String] {
        ids.map { ($0, Int($0)) }.sorted(by: idLess).map(\.0)
    }

    private static func idLess(_ a: (id: String, number: Int?), _ b: (id: String, number: Int?)) -> Bool {
        switch (a.number, b.number) {
        case let (x?, y?): return x == y ? a.id < b.id : x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.id < b.id
        }
    }
}
