/// A 3-generation pedigree: Equicty's 14 keys, `v` (vader, sire) and `m` (moeder, dam) paths.
///
/// `v` is the sire, `vv` the sire's sire, `vvm` the sire's sire's dam, and so on. Empty names are `nil`.
package struct Pedigree: Sendable, Hashable, Codable {
    /// The 14 keys in bracket order: sire line first, each ancestor before its parents.
    package static let keys = ["v", "vv", "vvv", "vvm", "vm", "vmv", "vmm", "m", "mv", "mvv", "mvm", "mm", "mmv", "mmm"]

    /// Names by key; only non-empty names are kept.
    package var names: [String: String]

    package init(names: [String: String] = [:]) {
        self.names = names.filter { Pedigree.keys.contains($0.key) && !$0.value.isEmpty }
    }

    package subscript(key: String) -> String? { names[key] }
    package var sire: String? { names["v"] }
    package var dam: String? { names["m"] }
    package var isEmpty: Bool { names.isEmpty }
}
