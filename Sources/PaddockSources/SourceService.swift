/// The remote services Paddock reads from.
package enum SourceService: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case equicty
    case husbandry
    /// The hosts of the pictures the catalogue's items show (mirrored into the site).
    case media
    case smaxtec

    /// The service's name as users know it.
    package var description: String {
        switch self {
        case .equicty: "Equicty"
        case .husbandry: "Husbandry Pro"
        case .media: "picture hosts"
        case .smaxtec: "smaXtec"
        }
    }
}
