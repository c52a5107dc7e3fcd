import Foundation

/// Whether a HorseTelex pedigree's HTML is whole enough to carry the attribution the Equicty terms
/// require (SaaS agreement, article 4.3: the name and logo of Equicty's supplier HorseTelex stay
/// visible; the API document: "Logo integrated in the html output must be visible"): a complete
/// `<img>` naming HorseTelex in its `src` or `alt` (the logo, as the site's sanitiser recognises it)
/// and a complete link to a HorseTelex domain, closed by its `</a>`. A document cut before its
/// attribution lacks one of them; a tag cut in the middle does not count.
///
/// The Equicty attribution is not asked of the pedigree: every page showing Equicty data carries
/// it from the theme, and the build checks it there.
enum PedigreeAttribution {
    static func isPresent(in html: String) -> Bool {
        var sawLogo = false, sawLink = false, inHorseTelexLink = false
        var tags = HTMLTagScanner(Array(html.utf8))
        while let tag = tags.next() {
            switch tag.name {
            case "img":
                if isLogo(tag.attributes) { sawLogo = true }
            case "a":
                inHorseTelexLink = isHorseTelexURL(tag.attributes.first { $0.name == "href" }?.value)
            case "/a":
                if inHorseTelexLink { sawLink = true }
                inHorseTelexLink = false
            default:
                break
            }
            if sawLogo && sawLink { return true }
        }
        return false
    }

    /// The sanitiser's rule: `src` or `alt` names HorseTelex (any case).
    static func isLogo(_ attributes: [(name: String, value: String)]) -> Bool {
        let source = (attributes.first { $0.name == "src" }?.value ?? "").lowercased()
        let alt = (attributes.first { $0.name == "alt" }?.value ?? "").lowercased()
        return source.contains("horsetelex") || alt.contains("horsetelex") || alt.contains("horse telex")
    }

    /// An http(s) (or scheme-relative) URL on `horsetelex.<tld>` or one of its subdomains.
    static func isHorseTelexURL(_ text: String?) -> Bool {
        guard let text, let url = URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              url.scheme.map({ ["http", "https"].contains($0.lowercased()) }) ?? true,
              let host = url.host?.lowercased() else { return false }
        let labels = host.split(separator: ".")
        return labels.count >= 2 && labels[labels.count - 2] == "horsetelex"
    }
}
