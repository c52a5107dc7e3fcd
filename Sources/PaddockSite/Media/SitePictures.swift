import PaddockMedia
import PaddockTemplate

/// One picture as the site serves it: its variants (paths below the site root), real size and
/// inline placeholder.
package struct SitePicture: Sendable, Hashable {
    package struct Variant: Sendable, Hashable {
        package var path: String
        package var width: Int
        package var height: Int
        package var format: ImageFormat
    }

    /// Size as shown (orientation applied).
    package var width: Int
    package var height: Int
    package var variants: [Variant]
    package var placeholder: String?
    package var meanColour: String?

    /// The JPEG of `width` nearest above `target` (or the widest): the `src` of an `<img>`.
    func fallback(near target: Int) -> Variant? {
        let jpegs = variants.filter { $0.format == .jpeg }.sorted { $0.width < $1.width }
        return jpegs.first { $0.width >= target } ?? jpegs.last
    }

    /// The widest JPEG (the full-screen view, Open Graph).
    package var largestPath: String? { largest?.path }

    /// The widest JPEG (the full-screen view, Open Graph).
    var largest: Variant? { variants.filter { $0.format == .jpeg }.max { $0.width < $1.width } }
}

/// The site's pictures by the URL the catalogue gives them; ``isMirroring`` says whether pages
/// may show only these (mirroring on) or the services' URLs as they are (off).
package struct SitePictures: Sendable {
    /// `sizes` of a card's picture (the listing's grid), of a page's main picture and of a gallery's.
    static let cardSizes = "(min-width: 64rem) 18rem, (min-width: 40rem) 45vw, 100vw"
    static let mainSizes = "(min-width: 64rem) 32rem, 100vw"
    static let gallerySizes = "(min-width: 40rem) 12rem, 50vw"

    package var isMirroring: Bool
    package var byURL: [String: SitePicture]

    package init(isMirroring: Bool = false, byURL: [String: SitePicture] = [:]) {
        self.isMirroring = isMirroring; self.byURL = byURL
    }

    /// The address of the picture's widest variant for Open Graph and JSON-LD (`absolute` makes a
    /// site path absolute); the service's URL when mirroring is off; nil when there is none.
    func shareURL(_ url: String?, absolute: (String) -> String) -> String? {
        guard let url = SafeURL.web(url) else { return nil }
        guard isMirroring else { return url }
        return byURL[url]?.largestPath.map(absolute)
    }

    /// Whether a picture can be shown for `url`.
    func has(_ url: String?) -> Bool {
        guard let url = SafeURL.web(url) else { return false }
        return !isMirroring || byURL[url]?.largest != nil
    }

    /// The template value of the picture at `url`: `{src, width, height, alt, srcset, sources,
    /// placeholder, colour, sizes, eager, full}` with paths relative to the site root, or null when
    /// there is none to show (mirroring on and the picture missing or refused).
    ///
    /// With mirroring off, `{src, alt, remote: true}` with the service's own URL.
    /// - Parameters:
    ///   - display: the widest the picture is shown, in CSS pixels (picks `src`).
    ///   - sizes: the `sizes` attribute.
    ///   - eager: the page's main picture: `fetchpriority="high"`, not lazy.
    func value(_ url: String?, alt: String, display: Int, sizes: String, eager: Bool = false, cssClass: String? = nil) -> TemplateValue {
        guard let url = SafeURL.web(url) else { return .null }
        guard isMirroring else {
            return .map(["src": .string(url), "full": .string(url), "alt": .string(alt), "remote": .bool(true), "class": .nonEmpty(cssClass),
                         "width": .string(String(display)), "height": .string(String(display * 3 / 4))])
        }
        guard let picture = byURL[url], let fallback = picture.fallback(near: display) else { return .null }
        func set(_ format: ImageFormat) -> TemplateValue {
            let list = picture.variants.filter { $0.format == format }.sorted { $0.width < $1.width }
            return .array(list.enumerated().map { index, variant in
                .map(["path": .string(variant.path), "w": .string(String(variant.width)), "last": .bool(index == list.count - 1)])
            })
        }
        let formats = ImageFormat.preference.filter { format in format != .jpeg && picture.variants.contains { $0.format == format } }
        return .map([
            "src": .string(fallback.path),
            "full": .string(picture.largest?.path ?? fallback.path),
            "fullWidth": .string(String(picture.largest?.width ?? fallback.width)),
            "fullHeight": .string(String(picture.largest?.height ?? fallback.height)),
            "width": .string(String(fallback.width)),
            "height": .string(String(fallback.height)),
            "alt": .string(alt),
            "srcset": set(.jpeg),
            "sources": .array(formats.map { .map(["type": .string($0.mimeType), "set": set($0)]) }),
            "placeholder": .nonEmpty(picture.placeholder),
            "colour": .nonEmpty(picture.meanColour),
            "sizes": .string(sizes),
            "eager": .bool(eager),
            "class": .nonEmpty(cssClass),
        ])
    }
}
