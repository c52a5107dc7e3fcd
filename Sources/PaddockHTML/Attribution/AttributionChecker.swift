import Crypto
import Foundation
import PaddockPublish

/// Checks that every page showing a provider's data carries that provider's attribution,
/// visibly, with the bundled logo unaltered (Equicty terms, article 4.3).
///
/// The markup contract is in docs/attribution.md: an `<a data-attribution="equicty">` linking to
/// the provider and holding `<img src="/assets/equicty-logo.svg" alt="Equicty">`. The link, the
/// image and their ancestors must not be hidden by attributes (`hidden`, zero `width`/`height`),
/// inline styles or CSS rules in the page's `<style>` and linked stylesheets.
///
/// A build checks its pages one at a time as they are rendered, through ``AttributionPageChecker``.
package struct AttributionChecker: Sendable {
    /// SHA-256 of each provider's logo as bundled; the published logo must have the same bytes.
    package var logoDigests: [AttributionProvider: [UInt8]]
    /// The site's public address; `src`/`href` starting with it are read as site paths.
    package var baseURL: String
    /// Reads pages of strict markup with ``StrictPageScan`` instead of libxml2 (tests turn it off
    /// to compare both readings).
    var readsStrictMarkupDirectly = true

    package init(logoDigests: [AttributionProvider: [UInt8]], baseURL: String) {
        self.logoDigests = logoDigests
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    package static func digest(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    /// Every provider whose data `page` shows and whose attribution it lacks (empty when fine).
    func failures(on page: RenderedPage, site: AttributionSiteIndex) -> [AttributionFailure] {
        let providers = AttributionProvider.allCases.filter { $0 == .equicty ? page.showsEquictyData : page.showsHorseTelexData }
        guard !providers.isEmpty else { return [] }
        return zip(providers, problems(with: providers, on: page, site: site)).compactMap { provider, reason in
            reason.map { AttributionFailure(template: page.template, page: page.path, provider: provider, reason: $0) }
        }
    }
}
