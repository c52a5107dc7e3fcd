/// A page's JSON-LD, in the form Google reads (the build's quality gates check it):
/// - every offer names the stable as its `seller` (an `Organization`);
/// - a `Product` without an offer (a horse, an animal on price request) is not eligible for
///   Google's product snippets, so it is published as a plain `Thing` with its name,
///   description, picture, address and identifier;
/// - the breadcrumb trail of a horse, an animal or a species listing is a `BreadcrumbList`, in a
///   script element of its own.
enum StructuredData {
    static func main(_ node: [String: JSONLD.Value]?, config: SiteConfig) -> [String: JSONLD.Value]? {
        guard var node, case .string("Product") = node["@type"] else { return node }
        if case .object(var offer) = node["offers"] {
            offer["seller"] = ["@type": "Organization", "name": .string(config.title), "url": .string(config.baseURL)]
            node["offers"] = .object(offer)
            return node
        }
        var thing: [String: JSONLD.Value] = ["@context": "https://schema.org", "@type": "Thing"]
        for key in ["name", "description", "image", "url"] { thing[key] = node[key] }
        thing["identifier"] = node["productID"] ?? node["sku"]
        return thing
    }

    static func breadcrumb(_ steps: [(name: String, url: String)]) -> [String: JSONLD.Value]? {
        guard steps.count > 1 else { return nil }
        let items: [JSONLD.Value] = steps.enumerated().map { index, step in
            ["@type": "ListItem", "position": .string(String(index + 1)), "name": .string(step.name), "item": .string(step.url)]
        }
        return ["@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": .array(items)]
    }
}
