/// Gives every item of a collection a unique slug, deterministically and stably.
///
/// Items are taken in the order of their ids (numeric ids by value, then text), so the same
/// input always yields the same slugs. When two names fold to the same slug, the item with the
/// smallest id keeps the plain slug and every other one gets its id appended (`arko-1042`).
/// A new item with the same name as an older one therefore never takes the older one's address
/// as long as ids grow over time.
public struct SlugAllocator: Sendable {
    private var taken: Set<String>

    /// - Parameter taken: slugs already in use in the same folder.
    public init(taken: Set<String> = []) { self.taken = taken }

    /// Slugs by id for `items` (id, name); a repeated id keeps the name it first came with.
    public static func allocate(_ items: [(id: String, name: String)], taken: Set<String> = []) -> [String: String] {
        var allocator = SlugAllocator(taken: taken)
        var result: [String: String] = [:]
        var firstName: [String: String] = [:]
        for item in items where firstName[item.id] == nil { firstName[item.id] = item.name }
        for id in firstName.keys.sorted(by: idLess) {
            result[id] = allocator.claim(name: firstName[id]!, id: id)
        }
        return result
    }

    /// Claims the slug of `name`, or a suffixed one when it is taken.
    public mutating func claim(name: String, id: String) -> String {
        let base = Slug.make(name, fallback: id)
        if taken.insert(base).inserted { return base }
        let idSlug = Slug.fold(id).isEmpty ? "x" : String(Slug.fold(id).prefix(24))
        var stem = String(base.prefix(Slug.maxLength - idSlug.count - 1))
        while stem.hasSuffix("-") { stem.removeLast() }
        var candidate = stem.isEmpty ? idSlug : stem + "-" + idSlug
        var n = 2
        while !taken.insert(candidate).inserted {
            candidate = (stem.isEmpty ? "" : stem + "-") + idSlug + "-" + String(n)
            n += 1
        }
        return candidate
    }

    /// Orders ids: numeric ones by value first, then the rest as text.
    static func idLess(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case let (x?, y?): return x == y ? a < b : x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a < b
        }
    }
}
