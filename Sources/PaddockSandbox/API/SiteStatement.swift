import Foundation

/// What a correct site built from this sandbox contains, in the sandbox's own reading of the
/// documents: which items get pages, what price each animal shows, which are reserved, and whose
/// pedigree carries the HorseTelex attribution. Whole-build tests compare a built site with it.
public struct SiteStatement: Sendable, Equatable {
    /// One animal that a correct site offers for sale.
    public struct OfferedAnimal: Sendable, Equatable {
        public var id: String
        /// The breeder's reference (`my_id`).
        public var reference: String
        /// The price shown; `nil` shows "price on request".
        public var price: Decimal?
        /// On `hold`: shown as reserved.
        public var reserved: Bool
    }

    /// Animals that get a page, by `ids`.
    public var offeredAnimals: [String: OfferedAnimal]
    /// Animals that never get a page: not flagged for sale, or flagged but sold, archived or inactive.
    public var withheldAnimals: Set<String>
    /// Horses that get a page, by Equicty id.
    public var horses: Set<String>
    /// Horses whose page shows the HorseTelex pedigree with its attribution.
    public var horseTelexHorses: Set<String>
}
