import Foundation

/// One picture turned into the site's variants.
package struct ProcessedImage: Sendable {
    /// Width and height as shown (orientation applied).
    package var width: Int
    package var height: Int
    package var variants: [EncodedVariant]
    /// A tiny blurred preview as a `data:` URI (a WebP of about 16 pixels across).
    package var placeholder: String?
    /// The picture's mean colour, `#rrggbb`: the background shown until anything else arrives.
    package var meanColour: String?
}

/// One width in one format.
package struct EncodedVariant: Sendable {
    package var width: Int
    package var height: Int
    package var format: ImageFormat
    package var quality: Int
    package var bytes: Data
}

/// A variant to make.
package struct VariantRequest: Sendable, Hashable {
    package var width: Int
    package var format: ImageFormat
    package var quality: Int

    package init(width: Int, format: ImageFormat, quality: Int) {
        self.width = width; self.format = format; self.quality = quality
    }
}
