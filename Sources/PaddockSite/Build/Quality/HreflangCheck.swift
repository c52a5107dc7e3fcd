/// hreflang clusters: every page lists itself and `x-default`, and every page it lists lists it back.
enum HreflangCheck {
    static func problems(_ clusters: [(page: String, canonical: String, language: String, alternates: [String: String])]) -> [QualityWarning] {
        var byAddress: [String: (page: String, alternates: [String: String])] = [:]
        for cluster in clusters { byAddress[cluster.canonical] = (cluster.page, cluster.alternates) }
        var found: [QualityWarning] = []
        for cluster in clusters {
            func warn(_ element: String, _ message: String) {
                found.append(QualityWarning(gate: .hreflang, page: cluster.page, element: element, message: message))
            }
            if cluster.alternates["x-default"] == nil {
                warn("<link rel=\"alternate\" hreflang=\"x-default\">", "the hreflang cluster has no x-default")
            }
            if cluster.alternates[cluster.language] != cluster.canonical {
                warn("<link rel=\"alternate\" hreflang=\"\(cluster.language)\">", "the page does not list itself (\(cluster.canonical)) under its own language")
            }
            for (language, address) in cluster.alternates.sorted(by: { $0.key < $1.key }) where language != "x-default" && address != cluster.canonical {
                let element = "<link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(address)\">"
                guard let other = byAddress[address] else {
                    warn(element, "no page of the site has this address as its canonical one")
                    continue
                }
                if !other.alternates.contains(where: { $0.key != "x-default" && $0.value == cluster.canonical }) {
                    warn(element, "that page (\(other.page)) does not link back to this one: the cluster is not reciprocal")
                }
            }
        }
        return found
    }
}
