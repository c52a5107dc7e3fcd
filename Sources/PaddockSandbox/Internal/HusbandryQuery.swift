import Foundation

/// The `animals` filters and sort: `is_for_sale`, `animal_type` (ids or common name), `status`
/// (string, comma list or `status[]=`), `sort_field`, `sort_dir`. Ties sort by `ids`, so pages are stable.
struct HusbandryQuery {
    let fields: FormFields
    let store: DemoStore

    func apply(_ items: [(offset: Int, element: DemoAnimal)]) -> [(offset: Int, element: DemoAnimal)] {
        var out = items
        if let sale = fields.first("is_for_sale"), !sale.isEmpty {
            let wanted = sale == "1" || sale.lowercased() == "true"
            out = out.filter { $0.element.is_for_sale == wanted }
        }
        let types = fields.all("animal_type").map { $0.lowercased() }
        if !types.isEmpty {
            out = out.filter { item in
                let species = store.species[item.element.species]
                return types.contains(item.element.species.lowercased()) || types.contains(species?.common_name.lowercased() ?? "")
            }
        }
        let statuses = fields.all("status").map { $0.lowercased() }
        if !statuses.isEmpty {
            out = out.filter { statuses.contains($0.element.status.lowercased()) }
        }
        let field = fields.first("sort_field") ?? "name"
        let descending = fields.first("sort_dir")?.lowercased() == "desc"
        out.sort { a, b in
            let ka = key(a.element, field), kb = key(b.element, field)
            if ka != kb { return descending ? ka > kb : ka < kb }
            return a.element.ids < b.element.ids
        }
        return out
    }

    private func key(_ a: DemoAnimal, _ field: String) -> String {
        switch field {
        case "my_id": a.my_id
        case "sex": a.sex
        case "source": a.source
        case "descriptor": a.descriptor
        case "full_dob": a.full_dob
        case "date_acquired": a.date_acquired
        case "is_for_sale": a.is_for_sale ? "1" : "0"
        case "sale_price": String(format: "%012.2f", a.sale_info?.sale_price ?? 0)
        case "maturity": a.maturity
        case "status": a.status
        default: a.name.lowercased()
        }
    }
}
