/// What Google reads from a page's JSON-LD: Product snippets (`name`, `offers` with `price`,
/// `priceCurrency`, `availability`), breadcrumbs and the organisation behind the site.
enum StructuredDataCheck {
    /// Every node of a JSON-LD document: the object itself, its `@graph` and arrays of objects.
    static func nodes(_ object: Any) -> [[String: Any]] {
        if let array = object as? [Any] { return array.flatMap(nodes) }
        guard let node = object as? [String: Any] else { return [] }
        if let graph = node["@graph"] { return nodes(graph) }
        return [node]
    }

    static func types(_ node: [String: Any]) -> [String] {
        if let type = node["@type"] as? String { return [type] }
        return (node["@type"] as? [String]) ?? []
    }

    static func problems(_ nodes: [[String: Any]], kind: PageKind?, siteTitle: String) -> [(element: String, message: String)] {
        var found: [(String, String)] = []
        for node in nodes where types(node).contains("Product") {
            let element = "JSON-LD Product \"\(node["name"] as? String ?? "?")\""
            if (node["name"] as? String)?.isEmpty ?? true { found.append((element, "a Product needs a name")) }
            let offers: [[String: Any]] = (node["offers"] as? [[String: Any]]) ?? ((node["offers"] as? [String: Any]).map { [$0] } ?? [])
            if offers.isEmpty { found.append((element, "a Product needs offers (price, priceCurrency, availability) for Google's product snippets")) }
            for offer in offers {
                for key in ["price", "priceCurrency", "availability"] where offer[key] == nil && (offer["priceSpecification"] == nil || key == "availability") {
                    found.append((element, "its offer lacks \(key)"))
                }
                if let seller = offer["seller"] as? [String: Any], !types(seller).contains("Organization") {
                    found.append((element, "its offer's seller is not an Organization"))
                }
            }
        }
        for node in nodes where types(node).contains("BreadcrumbList") {
            let items = node["itemListElement"] as? [[String: Any]] ?? []
            if items.isEmpty { found.append(("JSON-LD BreadcrumbList", "it has no itemListElement")) }
            for (index, item) in items.enumerated() where item["position"] == nil || item["name"] == nil || (index < items.count - 1 && item["item"] == nil) {
                found.append(("JSON-LD BreadcrumbList item \(index + 1)", "a ListItem needs position, name and (but the last) item"))
            }
        }
        let has = { (type: String) in nodes.contains { types($0).contains(type) } }
        switch kind {
        case .horse, .animal:
            if !has("BreadcrumbList") { found.append(("<script type=\"application/ld+json\">", "a horse or animal page needs a BreadcrumbList")) }
        case .home:
            let stable = nodes.contains { types($0).contains("Organization") && ($0["name"] as? String) == siteTitle }
            if !stable { found.append(("<script type=\"application/ld+json\">", "the home page needs the stable (\(siteTitle)) as an Organization")) }
        default: break
        }
        return found
    }
}
