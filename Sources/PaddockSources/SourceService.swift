/// The remote services Paddock reads from.
public enum SourceService: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case equicty
    case husbandry

    /// The service's name as users know it.
    public var description: String {
        switch self {
        case .equicty: "Equicty"
        case .husbandry: "Husbandry Pro"
        }
    }
}
