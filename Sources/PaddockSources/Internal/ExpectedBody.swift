/// What the body of a request's successful answer must be before it is used or cached.
enum ExpectedBody: Sendable {
    /// JSON: bare, framed as `{"data": …}`, or the services' error frame.
    case json
    /// A HorseTelex pedigree: HTML, bare or framed as `{"data": "…"}` (or a JSON string), that
    /// still carries the HorseTelex attribution the Equicty terms require.
    case pedigreeHTML
    /// A raster picture: JPEG, PNG, GIF, WebP or AVIF/HEIF by its first bytes (never SVG or HTML).
    case image
}
