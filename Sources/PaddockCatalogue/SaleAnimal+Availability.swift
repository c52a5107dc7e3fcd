/// Whether an animal is offered, from Husbandry's `is_for_sale` flag and its `status`, which the
/// documents never say agree: an animal flagged for sale whose status is sold, archived or inactive
/// is not for sale; one on `hold` is offered as reserved.
extension SaleAnimal {
    /// Statuses under which an animal is never offered, whatever its flag says.
    static let closedStatuses: Set<String> = ["sold", "archived", "sold-archived", "inactive"]
    /// Statuses shown as reserved.
    static let reservedStatuses: Set<String> = ["hold", "on-hold", "reserved"]

    /// `status` in one spelling: lower case, spaces and underscores as hyphens (`"On Loan"` → `on-loan`).
    static func normalisedStatus(_ status: String?) -> String? {
        guard let status else { return nil }
        let words = status.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
        return words.isEmpty ? nil : words.joined(separator: "-")
    }

    /// True when a record is for sale: flagged (or not saying, on a listing asked for animals for
    /// sale) and not sold, archived or inactive.
    static func isOffered(flag: Bool?, status: String?) -> Bool {
        guard flag != false else { return false }
        guard let status = normalisedStatus(status) else { return true }
        return !closedStatuses.contains(status)
    }

    /// True when the breeder holds the animal for a buyer (`hold`): shown as reserved.
    package var isReserved: Bool {
        Self.normalisedStatus(status).map(Self.reservedStatuses.contains) ?? false
    }
}
