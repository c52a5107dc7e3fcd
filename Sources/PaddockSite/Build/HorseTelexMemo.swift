import Foundation
import PaddockCatalogue
import PaddockHTML

/// Fills the site's memo of sanitised HorseTelex pedigrees (``SanitizedHTMLMemo``) ahead of a build.
///
/// `paddock fetch` calls it once the catalogue is in, so the first build after a fetch sanitises
/// nothing; a build sanitises what the memo lacks anyway (a new `paddock` binary, a memo removed).
package enum HorseTelexMemo {
    /// Sanitises, on every core, the HorseTelex HTML of every HorseTelex horse in `catalogues` that
    /// the memo does not hold yet, and saves the memo.
    /// - Returns: how many pedigrees were sanitised now.
    @discardableResult
    package static func prepare(for catalogues: [Catalogue], config: SiteConfig) -> Int {
        let memo = SanitizedHTMLMemo(file: file(config), version: SanitizedHTMLMemo.currentVersion)
        var seen = Set<String>()
        let pedigrees = catalogues.flatMap(\.horses).compactMap { horse -> String? in
            guard horse.horsetelex, let html = horse.horsetelexHTML, !html.isEmpty, seen.insert(html).inserted else { return nil }
            return html
        }
        _ = pedigrees.parallelMap { memo.sanitized($0, by: HorseTelexSanitizer.sanitize) }
        let sanitised = memo.misses
        memo.save()
        return sanitised
    }

    /// `horsetelex-sanitized.bin` in the site's cache folder.
    static func file(_ config: SiteConfig) -> URL {
        config.sources.cacheFolder.appending(path: "horsetelex-sanitized.bin")
    }
}
