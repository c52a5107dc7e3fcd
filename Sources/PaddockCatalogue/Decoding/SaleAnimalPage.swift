import Foundation

/// One page of Husbandry's `animals` answer, normalised.
package struct SaleAnimalPage: Sendable, Hashable {
    /// The animals of the page that are for sale: flagged for sale and not sold, archived or inactive.
    package var animals: [SaleAnimal]
    /// Records of the page, for sale or not, that decoded (for paging: the page was not empty).
    package var recordCount: Int
    /// Records left out because `is_for_sale` said 0 or their status is sold, archived or inactive.
    package var notForSale: Int
    /// One line per record that could not be read: its index and why.
    package var skipped: [String]
    /// Values refused in records that were kept, each naming the animal (an unreadable price).
    package var warnings: [String] = []
    package var offset: Int?
    package var limit: Int?
    /// All records matching the query, over all pages (`nil` when the service did not say).
    package var total: Int?

    package init(animals: [SaleAnimal] = [], recordCount: Int = 0, notForSale: Int = 0, skipped: [String] = [],
                offset: Int? = nil, limit: Int? = nil, total: Int? = nil) {
        self.animals = animals; self.recordCount = recordCount; self.notForSale = notForSale
        self.skipped = skipped; self.offset = offset; self.limit = limit; self.total = total
    }

    /// Decodes a page of `GET …/api.php/animals` (v1 or v2).
    /// - Throws: ``CatalogueDecodingError/serviceError(message:)`` for an error answer
    ///   (`{"status": false, "msg"}` or OAuth's `{"error": …}`), ``CatalogueDecodingError/malformed(detail:)``
    ///   for a body that is not a page.
    package init(husbandryJSON data: Data) throws {
        let record = try APIBody.decode(HusbandryPageRecord.self, from: data, enveloped: false)
        self.init(offset: record.offset, limit: record.limit, total: record.total)
        for (index, entry) in record.entries.enumerated() {
            guard let decoded = entry.value else {
                skipped.append("record \(index): \(entry.failure ?? "unreadable")")
                continue
            }
            recordCount += 1
            warnings += decoded.warnings
            if !decoded.isForSale {
                notForSale += 1
            } else {
                animals.append(decoded.animal)
            }
        }
    }
}
