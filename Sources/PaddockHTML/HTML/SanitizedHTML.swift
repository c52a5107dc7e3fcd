/// HorseTelex pedigree HTML after ``HorseTelexSanitizer/sanitize(_:)``: safe to embed raw.
public struct SanitizedHTML: Sendable, Equatable {
    /// The allowed markup only, re-serialised with every text and attribute escaped.
    public var html: String
    /// A visible HorseTelex logo image survived sanitising. When `false` the page must show the
    /// built-in pedigree with the HorseTelex attribution instead of ``html``.
    public var hasHorseTelexLogo: Bool

    public init(html: String, hasHorseTelexLogo: Bool) {
        self.html = html; self.hasHorseTelexLogo = hasHorseTelexLogo
    }
}
