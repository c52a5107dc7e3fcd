/// One file of the generated site, rendered in memory and not yet published.
package struct RenderedPage: Sendable {
    /// Path relative to the site root, `/`-separated, no leading slash (`en/horses/arko/index.html`).
    package var path: String
    package var bytes: [UInt8]
    /// The template that produced it (for error messages), or `nil` for generated files (sitemap, robots).
    package var template: String?
    /// The page shows Equicty data: it must carry the Equicty attribution.
    package var showsEquictyData: Bool
    /// The page shows HorseTelex data: it must carry the HorseTelex attribution.
    package var showsHorseTelexData: Bool

    package init(path: String, bytes: [UInt8], template: String? = nil, showsEquictyData: Bool = false, showsHorseTelexData: Bool = false) {
        self.path = path; self.bytes = bytes; self.template = template
        self.showsEquictyData = showsEquictyData; self.showsHorseTelexData = showsHorseTelexData
    }
}
