/// A 3-generation pedigree: Equicty's 14 keys, `v` (vader, sire) and `m` (moeder, dam) paths.
///
/// `v` is the sire, `vv` the sire's sire, `vvm` the sire's sire's dam, and so on. Empty names are `nil`.
public struct Pedigree: Sendable, Hashable, Codable {
    /// The 14 keys in bracket order: sire line first, each ancestor before its parents.
    public static let keys = ["v", "vv", "vvv", "vvm", "vm", "vmv", "vmm", "m", "mv", "mvv", "mvm", "mm", "mmv", "mmm"]

    /// Names by key; only non-empty names are kept.
    public var names: [String: String]

    public init(names: [String: String] = [:]) {
        self.names = names.filter { Pedigree.keys.contains($0.key) && !$0.value.isEmpty }
    }

    public subscript(key: String) -> String? { names[key] }
    public var sire: String? { names["v"] }
    public var dam: String? { names["m"] }
    public var isEmpty: Bool { names.isEmpty }
}
