/// HorseTelex pedigree HTML after ``HorseTelexSanitizer/sanitize(_:)``: safe to embed raw.
package struct SanitizedHTML: Sendable, Equatable {
    /// The allowed markup only, re-serialised with every text and attribute escaped.
    package var html: String
    /// A visible HorseTelex logo image survived sanitising. When `false` the page must show the
    /// built-in pedigree with the HorseTelex attribution instead of ``html``.
    package var hasHorseTelexLogo: Bool

    package init(html: String, hasHorseTelexLogo: Bool) {
        self.html = html; self.hasHorseTelexLogo = hasHorseTelexLogo
    }
}
