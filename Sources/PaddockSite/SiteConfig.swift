import Foundation
import PaddockSources

/// A site's configuration, read from `paddock.toml` (see `SiteConfig+TOML.swift`).
///
/// Paths are absolute, resolved against the folder holding the config file.
package struct SiteConfig: Sendable, Equatable {
    /// The folder holding `paddock.toml`.
    package var root: URL
    package var title: String
    /// The public address of the site, always with a trailing slash (`https://stable.example/`).
    package var baseURL: String
    /// A short introduction used in meta descriptions and feeds.
    package var description: String?
    /// Languages, a subset of `en`, `fr`, `de`, `nl`; the first is the default.
    package var languages: [String]
    package var contactEmail: String?
    package var contactPhone: String?
    /// The WhatsApp number of `[contact] whatsapp`, digits only with the country code (`31612345678`).
    package var contactWhatsApp: String?
    /// `[lifecycle]`: badges, sold pages, addresses that never break.
    package var lifecycle = LifecycleSettings()
    /// ISO 4217 code used to show Husbandry prices (`EUR`).
    package var currency: String
    /// The theme; `nil` uses the bundled default theme.
    package var templatesFolder: URL?
    /// Markdown pages (`index.md` is the home page introduction); default `pages/`.
    package var pagesFolder: URL
    /// Copied as-is into the output; default `static/`.
    package var staticFolder: URL
    /// The published site; default `public/`.
    package var outputFolder: URL
    /// Horse cards per listing page.
    package var horsesPerPage: Int
    /// Equicty ids of horses shown on the home page; empty shows the first few.
    package var featuredHorses: [String]
    package var sources: SourcesConfiguration

    package var defaultLanguage: String { languages.first ?? "en" }

    package init(
        root: URL, title: String, baseURL: String, description: String? = nil, languages: [String] = ["en"],
        contactEmail: String? = nil, contactPhone: String? = nil, currency: String = "EUR",
        templatesFolder: URL? = nil, pagesFolder: URL? = nil, staticFolder: URL? = nil, outputFolder: URL? = nil,
        horsesPerPage: Int = 24, featuredHorses: [String] = [], sources: SourcesConfiguration? = nil
    ) {
        self.root = root; self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.description = description; self.languages = languages
        self.contactEmail = contactEmail; self.contactPhone = contactPhone; self.currency = currency
        self.templatesFolder = templatesFolder
        self.pagesFolder = pagesFolder ?? root.appending(path: "pages")
        self.staticFolder = staticFolder ?? root.appending(path: "static")
        self.outputFolder = outputFolder ?? root.appending(path: "public")
        self.horsesPerPage = horsesPerPage; self.featuredHorses = featuredHorses
        self.sources = sources ?? SourcesConfiguration(languages: languages, cacheFolder: root.appending(path: ".paddock/cache"))
    }
}
