/// An encoding the site's variants are written in.
package enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case avif, webp, jpeg

    /// The file extension of the site's files.
    package var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The `type` of a `<source>` element.
    package var mimeType: String { "image/\(rawValue)" }

    /// Best first: the order of `<source>` elements, the browser taking the first it supports.
    package static let preference: [ImageFormat] = [.avif, .webp, .jpeg]
}
