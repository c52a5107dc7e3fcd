/// What a picture's header says, read without decoding its pixels.
package struct ImageHeader: Sendable, Hashable {
    /// Stored width and height, before the EXIF orientation is applied.
    package var width: Int
    package var height: Int
    package var frames: Int
    /// EXIF orientation, 1–8 (1: as stored).
    package var orientation: Int
    /// The libvips loader that recognised it (`jpegload_buffer`, …).
    package var loader: String

    /// Width and height as shown, the orientation applied (5–8 turn the picture a quarter).
    package var displayWidth: Int { orientation >= 5 && orientation <= 8 ? height : width }
    package var displayHeight: Int { orientation >= 5 && orientation <= 8 ? width : height }

    /// The loaders of the formats the site takes: JPEG, PNG, WebP, GIF, HEIF/AVIF.
    static let acceptedLoaders: Set<String> = [
        "jpegload_buffer", "pngload_buffer", "webpload_buffer", "gifload_buffer", "heifload_buffer",
    ]
}
