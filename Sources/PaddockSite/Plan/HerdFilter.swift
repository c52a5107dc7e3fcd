import PaddockCatalogue

/// Which animals of the herd a listing shows.
package enum HerdFilter: Sendable, Hashable {
    case all
    /// Animals with this breed in their composition, by breed slug (see ``HerdPlan/breeds``).
    case breed(String)
    case lactation(LactationStatus)
    case age(AgeBand)

    /// The folder of the listing, relative to the language folder (`herd/breed/fleckvieh/`).
    package var folder: String {
        switch self {
        case .all: "herd/"
        case .breed(let slug): "herd/breed/\(slug)/"
        case .lactation(let status): "herd/status/\(status.rawValue)/"
        case .age(let band): "herd/age/\(band.rawValue)/"
        }
    }
}

/// Age bands of the herd listings, in whole years.
package enum AgeBand: String, Sendable, Hashable, CaseIterable {
    case underOne = "under-1"
    case oneToTwo = "1-2"
    case twoToFive = "2-5"
    case fiveAndOver = "5-plus"

    package init(years: Int) {
        switch years {
        case ..<1: self = .underOne
        case 1..<2: self = .oneToTwo
        case 2..<5: self = .twoToFive
        default: self = .fiveAndOver
        }
    }
}
