/// The demo animals with what the Husbandry documents allow and clients tend to assume away, for
/// `--strict-docs`: `is_for_sale` and `status` in conflict, every status the documents list (and
/// `"On Loan"` from their example, in other spellings too), and prices in every written form.
extension DemoStore {
    /// The statuses given in turn to the animals flagged for sale: the documents never say that a
    /// flagged animal is active, so most of these contradict the flag.
    static let strictStatuses = ["active", "hold", "sold", "archived", "sold-archived", "Inactive", "On Loan", "SOLD"]

    func withDocumentedConflicts() -> DemoStore {
        var out = self
        var flagged = 0
        for j in out.animals.indices {
            var animal = out.animals[j]
            if animal.is_for_sale {
                let status = Self.strictStatuses[flagged % Self.strictStatuses.count]
                animal.status = status
                switch status.lowercased() {
                case "hold": animal.hold_info = .init(hold_notes: "Deposit paid", hold_customer: "A. Buyer")
                case "sold", "sold-archived":
                    animal.sold_info = .init(sold_date: "2026-11-02", sold_amount: 900, sold_customer: "B. Buyer", sold_notes: "")
                default: break
                }
                // Prices of four digits (some with cents), so that grouping separators matter.
                let amount = 1000 + Double(flagged * 125) + (flagged % 3 == 1 ? 0.5 : 0)
                animal.sale_info = .init(sale_price: amount, pricing_notes: animal.sale_info?.pricing_notes ?? "",
                                         buyer_notes: animal.sale_info?.buyer_notes ?? "")
                out.priceForms[animal.ids] = DemoPriceForm.allCases[flagged % DemoPriceForm.allCases.count]
                flagged += 1
            } else if j % 3 == 0 {
                // Not flagged, but a status that alone would read as available.
                animal.status = "hold"
            }
            out.animals[j] = animal
        }
        return out
    }
}
