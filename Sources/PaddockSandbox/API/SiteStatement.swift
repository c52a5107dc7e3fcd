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
    /// The smaXtec herd of every demo organisation.
    package var herd: HerdStatement = HerdStatement()

    /// What a correct herd section contains, in the sandbox's reading: an animal is listed unless
    /// `archived` is true or its tags hold `sold`; it is for sale when also tagged `for_sale`.
    package struct HerdStatement: Sendable, Equatable {
        /// One animal that a correct site lists.
        package struct Cow: Sendable, Equatable {
            package var organisationID: String
            package var officialID: String
            package var name: String?
            /// How many insemination, pregnancy_result, calving_confirmation and abort events it has.
            package var reproductionEvents: Int
            /// Tagged `for_sale` (the demo herd's sale tag).
            package var forSale: Bool
        }

        /// Listed animals by `<organisation_id>/<official_id>`.
        package var listed: [String: Cow] = [:]
        /// Sold or archived animals, by `<organisation_id>/<official_id>`: never on a listing.
        package var withheld: [String: Cow] = [:]
        /// Every sensor id, device id, group id, location, event id, health event type and feeding
        /// ration of the herd: none may appear anywhere in a built site.
        package var privateValues: Set<String> = []
        /// The tag the demo herd marks animals for sale with.
        package static let saleTag = "for_sale"
    }
}
