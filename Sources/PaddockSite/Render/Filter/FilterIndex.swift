import Foundation
import PaddockCatalogue
import PaddockPublish
import PaddockTemplate

/// The per-language indexes of the catalogue's cards that `assets/filters.js` filters, counts,
/// sorts and searches in the browser: `{lang}/index-horses.json` and `{lang}/index-animals.json`.
///
/// Columnar and dictionary-coded (docs/theme.md, "The filter index"): one array per field, each
/// repeated text once. Cards are in "newest" order; everything a card shows is taken from the
/// card the listing pages render, so a card drawn by the script matches a pre-rendered one.
struct FilterIndex {
    let data: LanguageData
    let plan: SitePlan
    let localMedia: LocalMediaLinks

    static func path(language: String, kind: String) -> String { "\(language)/index-\(kind).json" }

    /// The files of this language: only for a catalogue with horses or animals.
    func pages() -> [RenderedPage] {
        var pages: [RenderedPage] = []
        if plan.hasHorses { pages.append(RenderedPage(path: Self.path(language: data.language, kind: "horses"), bytes: horses().bytes)) }
        if plan.hasAnimals { pages.append(RenderedPage(path: Self.path(language: data.language, kind: "animals"), bytes: animals().bytes)) }
        return pages
    }

    // MARK: Shared

    /// A picture as the card's `src`, with the site's own media as `~path` (the script puts the
    /// page's way back to the root in front, as the renderer does for pages).
    func pictureSource(_ card: TemplateMap, _ key: String) -> String? {
        guard let src = card[key]?.mapValue["src"]?.stringValue else { return nil }
        for prefix in localMedia.prefixes {
            let absolute = String(decoding: prefix.absolute, as: UTF8.self)
            if src.hasPrefix(absolute) { return "~" + String(decoding: prefix.sitePath, as: UTF8.self) + src.dropFirst(absolute.count) }
        }
        return src
    }

    /// The strings the script shows, in this language.
    func strings(_ keys: [String]) -> IndexJSON {
        .object(keys.map { ($0, .string(data.string($0))) })
    }

    /// A facet: its URL parameter, its title and its column.
    static func facet(_ parameter: String, title: String, kind: String = "one") -> IndexJSON {
        .object([("p", .string(parameter)), ("t", .string(title)), ("kind", .string(kind))])
    }

    /// A URL key for a label: lower case ASCII letters, digits and hyphens (`Dark Bay` → `dark-bay`).
    static func key(_ label: String) -> String {
        let folded = label.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        var dash = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                if dash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "x" : out
    }

    /// A band of a number: the index of the first upper bound above `value`, or the last band.
    static func band(_ value: Double, bounds: [Double]) -> Int { bounds.firstIndex { value < $0 } ?? bounds.count }

    static let uiKeys = [
        "filter_title", "filter_drawer", "filter_active", "filter_search", "filter_search_hint", "filter_sort", "filter_clear",
        "filter_show_more", "filter_no_results", "filter_results", "filter_gene_any", "filter_gene_visual", "filter_gene_het",
        "filter_gene_possible_het", "filter_gene_exclude", "reserved", "fact_sex", "fact_age", "fact_studbook",
        "fact_color", "fact_height", "fact_born", "genetics_title",
    ]
}
