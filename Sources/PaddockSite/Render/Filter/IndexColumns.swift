/// Columns of a filter index: one value per card, dictionary-coded where values repeat, so that
/// the index stays small (see docs/theme.md, "The filter index").
enum IndexColumn {
    /// A repeated text: each distinct value once in `d` (with its URL key in `k` when it is a
    /// facet), each card as its position in `i` (-1: none).
    struct Coded {
        private(set) var labels: [String] = []
        private(set) var keys: [String] = []
        private(set) var codes: [Int] = []
        private var positions: [String: Int] = [:]
        /// Whether values carry URL keys (facets) or are only texts shown on cards.
        let keyed: Bool

        init(keyed: Bool) { self.keyed = keyed }

        /// The code of `key` (added with `label` when new).
        mutating func code(key: String, label: String) -> Int {
            if let known = positions[key] { return known }
            positions[key] = labels.count
            labels.append(label)
            keys.append(key)
            return labels.count - 1
        }

        /// Adds one card's value; nil or empty is "none".
        mutating func add(_ label: String?, key: String? = nil) {
            guard let label, !label.isEmpty else { codes.append(-1); return }
            codes.append(code(key: key ?? label, label: label))
        }

        var json: IndexJSON {
            var members: [(String, IndexJSON)] = [("d", .array(labels.map(IndexJSON.string)))]
            if keyed { members.append(("k", .array(keys.map(IndexJSON.string)))) }
            members.append(("i", .array(codes.map(IndexJSON.int))))
            return .object(members)
        }
    }

    /// Several repeated texts per card (breeding associations, genes): `m` holds each card's codes.
    struct MultiCoded {
        var dictionary = Coded(keyed: true)
        private(set) var rows: [[Int]] = []

        mutating func add(_ values: [(key: String, label: String)]) {
            var codes: [Int] = []
            for value in values where !value.label.isEmpty {
                let code = dictionary.code(key: value.key, label: value.label)
                if !codes.contains(code) { codes.append(code) }
            }
            rows.append(codes)
        }

        /// Adds a card's codes as given (already coded by the caller).
        mutating func addCodes(_ codes: [Int]) { rows.append(codes) }

        var json: IndexJSON {
            .object([
                ("d", .array(dictionary.labels.map(IndexJSON.string))),
                ("k", .array(dictionary.keys.map(IndexJSON.string))),
                ("m", .array(rows.map { .array($0.map(IndexJSON.int)) })),
            ])
        }
    }

    /// A number per card (null: unknown), for sorting and bands.
    struct Numbers {
        private(set) var values: [IndexJSON] = []
        mutating func add(_ value: Int?) { values.append(value.map(IndexJSON.int) ?? .null) }
        mutating func add(number text: String?) { values.append(text.map(IndexJSON.number) ?? .null) }
        var json: IndexJSON { .object([("n", .array(values))]) }
    }

    /// A text per card that rarely repeats (names, slugs).
    struct Texts {
        private(set) var values: [String] = []
        mutating func add(_ text: String?) { values.append(text ?? "") }
        var json: IndexJSON { .object([("s", .array(values.map(IndexJSON.string)))]) }
    }

    /// A picture per card as its folder (coded: pictures share few folders) and file name.
    struct Pictures {
        var folders = Coded(keyed: false)
        var files = Texts()

        /// `src` as the card shows it: absolute, or `~path` for a file of the site itself.
        mutating func add(_ src: String?) {
            guard let src, !src.isEmpty else { folders.add(nil); files.add(nil); return }
            if let slash = src.lastIndex(of: "/") {
                folders.add(String(src[...slash]))
                files.add(String(src[src.index(after: slash)...]))
            } else {
                folders.add(nil); files.add(src)
            }
        }

        var json: IndexJSON { .object([("d", folders.json), ("f", files.json)]) }
    }
}
