/// The remote services Paddock reads from.
package enum SourceService: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case equicty
    case husbandry
    case smaxtec

    /// The service's name as users know it.
    package var description: String {
        switch self {
        case .equicty: "Equicty"
        case .husbandry: "Husbandry Pro"
        case .smaxtec: "smaXtec"
        }
    }
}
