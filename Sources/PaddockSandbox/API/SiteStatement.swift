import Foundation

/// What a correct site built from this sandbox contains, in the sandbox's own reading of the
/// documents: which items get pages, what price each animal shows, which are reserved, and whose
/// pedigree carries the HorseTelex attribution. Whole-build tests compare a built site with it.
package struct SiteStatement: Sendable, Equatable {
    /// One animal that a correct site offers for sale.
    package struct OfferedAnimal: Sendable, Equatable {
        package var id: String
        /// The breeder's reference (`my_id`).
        package var reference: String
        /// The price shown; `nil` shows "price on request".
        package var price: Decimal?
        /// On `hold`: shown as reserved.
        package var reserved: Bool
    }

    /// Animals that get a page, by `ids`.
    package var offeredAnimals: [String: OfferedAnimal]
    /// Animals that never get a page: not flagged for sale, or flagged but sold, archived or inactive.
    package var withheldAnimals: Set<String>
    /// Horses that get a page, by Equicty id.
    package var horses: Set<String>
    /// Horses whose page shows the HorseTelex pedigree with its attribution.
    package var horseTelexHorses: Set<String>
}
