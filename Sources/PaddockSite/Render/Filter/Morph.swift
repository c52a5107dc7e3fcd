/// The genes an animal carries, read from its morph name (`Mojave Spider het Desert Ghost`,
/// `Normal 66% het Clown`, `Pastel pos het Pied`): visual genes, then hets and possible hets.
///
/// Gene names are matched against the genes the catalogue knows (from the parents' genetics),
/// longest first, so `Desert Ghost` and `Lilly White` stay one gene; other words are genes of
/// their own. `Normal` (the wild type) carries none.
struct Morph: Equatable {
    enum Zygosity: Int, Comparable {
        /// The gene shows (dominant, co-dominant, or a homozygous recessive).
        case visual = 0
        /// One copy of a recessive gene, proven.
        case het = 1
        /// Possibly one copy (`pos het`, `66% het`, `50% het`).
        case possibleHet = 2
        static func < (a: Zygosity, b: Zygosity) -> Bool { a.rawValue < b.rawValue }
    }

    struct Gene: Equatable {
        var name: String
        var zygosity: Zygosity
    }

    var genes: [Gene]

    /// Reads `descriptor`; `known` are gene names (any case; a `[het]` mark is ignored).
    init(_ descriptor: String?, known: [String]) {
        genes = []
        guard let descriptor else { return }
        let vocabulary = Self.vocabulary(known)
        let words = descriptor.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" || $0 == "+" }).map(String.init)
        var zygosity = Zygosity.visual
        var index = 0
        while index < words.count {
            let word = words[index].lowercased()
            if word == "het" || word == "hets" || word == "dh" || word == "th" {
                if zygosity == .visual { zygosity = .het }
                index += 1
                continue
            }
            if ["pos", "possible", "poss", "ph", "pos.", "het?"].contains(word) {
                zygosity = .possibleHet
                index += 1
                continue
            }
            if word.hasSuffix("%"), let percent = Int(word.dropLast()) {
                zygosity = percent >= 100 ? .het : .possibleHet
                index += 1
                continue
            }
            if word == "normal" || word == "wild" || word == "type" || word == "double" || word == "triple" || word == "and" {
                index += 1
                continue
            }
            // The longest known gene name starting here.
            var matched: (name: String, length: Int)?
            for (lowered, name) in vocabulary where lowered.count <= words.count - index {
                if zip(lowered, words[index...]).allSatisfy({ $0 == $1.lowercased() }), lowered.count > (matched?.length ?? 0) {
                    matched = (name, lowered.count)
                }
            }
            let name = matched?.name ?? words[index]
            if !genes.contains(where: { $0.name.lowercased() == name.lowercased() && $0.zygosity == zygosity }) {
                genes.append(Gene(name: name, zygosity: zygosity))
            }
            index += matched?.length ?? 1
        }
    }

    /// Known names as lower-cased words, with the name as written.
    private static func vocabulary(_ known: [String]) -> [(words: [String], name: String)] {
        var seen: Set<String> = []
        var result: [(words: [String], name: String)] = []
        for raw in known {
            var name = raw
            if let bracket = name.range(of: "[") { name = String(name[..<bracket.lowerBound]) }
            name = name.trimmed
            guard !name.isEmpty, seen.insert(name.lowercased()).inserted else { continue }
            let words = name.lowercased().split(separator: " ").map(String.init)
            if words.first == "het" { continue }
            result.append((words, name))
        }
        return result
    }
}
