import Foundation

/// Turns demo animals into Husbandry's JSON (v1 or v2), serving the documented type drift
/// deterministically by the animal's position `j` in the data set (see docs/sandbox.md):
/// - numbers as strings (`"7"`, `"0"`) on v2 unless `j % 3 == 2`, on v1 when `(j / 2)` is even; else real numbers;
/// - `is_for_sale` as a number when `j % 5 == 3`, else `"0"`/`"1"`;
/// - `fed_notification_type` as its label (`"Week Days"`) when `j % 7 == 0`, else a code;
/// - `fed_week_days` as `""` when there are none, else a list (lower case when `(j / 2)` is even);
/// - `sale_info` absent for an animal for sale when `j % 7 == 3` (price on request); `sale_price` a number
///   or a string like `"350.00"` when `(j / 2)` is odd; a missing price as `null`, or `""` when `(j / 2)` is odd;
/// - `custom_status_notes` when `j % 4 == 1`, `created_at` (unknown field) when `j % 5 == 0`;
/// - `hold_info`/`sold_info` for held/sold animals, `supplier_info` for acquired ones, `user` on v1;
/// - under `--strict-docs`, `sale_price` in the animal's ``DemoPriceForm``.
struct HusbandryWire {
    enum Version { case v1, v2 }
    let store: DemoStore
    let context: WireContext
    let version: Version

    func animal(_ a: DemoAnimal, index j: Int) -> WireJSON {
        let mixed = context.mixed
        let stringy = mixed && (version == .v2 ? j % 3 != 2 : (j / 2) % 2 == 0)
        func num(_ n: Int) -> WireJSON { stringy ? .string(String(n)) : .int(n) }
        func dbl(_ d: Double) -> WireJSON { stringy ? .string(String(format: "%.2f", d)) : .double(d) }
        func genes(_ list: [DemoAnimal.GeneEntry]) -> WireJSON {
            .array(list.map { .object([("name", .string($0.name)), ("trait", .string($0.trait))]) })
        }
        var o = WireObject()
        if let species = store.species[a.species] {
            o.set("animal_type", .object([
                ("ids", .string(species.ids)), ("common_name", .string(species.common_name)),
                ("scientific_name", .string(species.scientific_name)), ("picture", .string(context.mediaURL(species.picture))),
            ]))
        }
        if mixed && j % 4 == 1 { o.set("custom_status_notes", "") }
        o.set("dam_genetics", genes(a.dam_genetics))
        o.set("dam_id", a.dam_id)
        o.set("date_acquired", a.date_acquired)
        o.set("descriptor", a.descriptor)
        o.set("display_currency", a.display_currency)
        let weekDays = a.feeding.notification_type == "Week Days"
        if mixed && j % 7 == 0 {
            o.set("fed_notification_type", a.feeding.notification_type)
        } else {
            o.set("fed_notification_type", num(weekDays ? 2 : 1))
        }
        if a.feeding.week_days.isEmpty || !mixed && !weekDays {
            o.set("fed_week_days", mixed ? .string("") : .array([]))
        } else {
            o.set("fed_week_days", .array(a.feeding.week_days.map { .string(mixed && (j / 2) % 2 == 0 ? $0.lowercased() : $0) }))
        }
        o.set("feeder", .object([
            ("ids", .string(a.feeder.ids)), ("name", .string(a.feeder.name)), ("size", .string(a.feeder.size)),
            ("weight", dbl(a.feeder.weight)), ("cost", dbl(a.feeder.cost)),
        ]))
        o.set("feeding_intervals", num(a.feeding.intervals))
        o.set("feeding_notify", num(a.feeding.notify))
        o.set("feeding_qty", num(a.feeding.qty))
        o.set("full_dob", a.full_dob)
        if let hold = a.hold_info {
            o.set("hold_info", .object([("hold_notes", .string(hold.hold_notes)), ("hold_customer", .string(hold.hold_customer))]))
        }
        o.set("ids", a.ids)
        o.set("is_for_sale", mixed && j % 5 == 3 ? .int(a.is_for_sale ? 1 : 0) : .string(a.is_for_sale ? "1" : "0"))
        o.set("is_proven_breeder", stringy || !mixed ? .string(a.is_proven_breeder ? "1" : "0") : .int(a.is_proven_breeder ? 1 : 0))
        o.set("maturity", a.maturity)
        o.set("my_id", a.my_id)
        o.set("name", a.name)
        o.set("notes", a.notes)
        o.set("photos", .array(a.photos.map { .string(context.pictureURL($0)) }))
        o.set("rack", .object([("name", .string(a.rack.name)), ("row", num(a.rack.row)), ("column", num(a.rack.column))]))
        if let sale = a.sale_info, sendsSaleInfo(a, index: j) {
            let price: WireJSON
            if context.strictDocs, let form = store.priceForms[a.ids], let p = sale.sale_price {
                price = form.wire(p)
            } else if let p = sale.sale_price {
                price = mixed && (j / 2) % 2 == 1 ? .string(String(format: "%.2f", p)) : .double(p)
            } else {
                price = mixed && (j / 2) % 2 == 1 ? .string("") : .null
            }
            o.set("sale_info", .object([
                ("sale_price", price), ("pricing_notes", .string(sale.pricing_notes)), ("buyer_notes", .string(sale.buyer_notes)),
            ]))
        }
        o.set("sex", a.sex)
        o.set("sire_genetics", genes(a.sire_genetics))
        o.set("sire_id", a.sire_id)
        if let sold = a.sold_info {
            o.set("sold_info", .object([
                ("sold_date", .string(sold.sold_date)), ("sold_amount", dbl(sold.sold_amount)),
                ("sold_customer", .string(sold.sold_customer)), ("sold_notes", .string(sold.sold_notes)),
            ]))
        }
        o.set("source", a.source)
        o.set("status", a.status)
        if a.source == "Acquired" {
            o.set("supplier_info", .object([
                ("ids", .string("3d2a1fa8-32f1-44a3-a1cd-0a35bd09600c")), ("first_name", .string("Khalil")),
                ("last_name", .string("Itani")), ("email", .string("khalil@supplier.example")),
            ]))
        }
        o.set("tags", .array(a.tags.map(WireJSON.string)))
        if mixed && j % 5 == 0 { o.set("created_at", "2025-0\(1 + j % 9)-12 09:30:00") }
        if version == .v1, store.breeders.indices.contains(a.breeder) {
            let b = store.breeders[a.breeder]
            o.set("user", .object([
                ("first_name", .string(b.first_name)), ("last_name", .string(b.last_name)),
                ("email", .string(b.email)), ("business_name", .string(b.business_name)),
            ]))
        }
        return o.json
    }

    /// Whether `sale_info` is on the wire: for an animal for sale that has one, except when `j % 7 == 3` (mixed).
    func sendsSaleInfo(_ a: DemoAnimal, index j: Int) -> Bool {
        a.sale_info != nil && a.is_for_sale && !(context.mixed && j % 7 == 3)
    }

    /// The amount a correct client reads from this animal's `sale_price`, or `nil` for price on request.
    func statedPrice(_ a: DemoAnimal, index j: Int) -> Double? {
        guard sendsSaleInfo(a, index: j), let amount = a.sale_info?.sale_price, amount > 0 else { return nil }
        if context.strictDocs, let form = store.priceForms[a.ids] { return form.showsAmount ? amount : nil }
        return amount
    }

    /// One page: `{"data": [...], "offset", "limit", "total"}`; `total` is a string on odd pages when mixed.
    func page(_ items: [WireJSON], page: Int, limit: Int, total: Int) -> WireJSON {
        .object([
            ("data", .array(items)), ("offset", .int((page - 1) * limit)), ("limit", .int(limit)),
            ("total", context.mixed && page % 2 == 1 ? .string(String(total)) : .int(total)),
        ])
    }

    /// An OAuth-style error body (`access_denied`, `insufficient_scope`, `invalid_request`, …).
    static func error(_ code: String, _ description: String) -> WireJSON {
        .object([("error", .string(code)), ("error_description", .string(description))])
    }
}
