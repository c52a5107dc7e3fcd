import PaddockTemplate

/// One picture of a page's gallery: `{picture, full, local, alt, fullWidth, fullHeight}`. Mirrored,
/// the picture's variants fill the thumbnail and `full` is its widest JPEG (a site path, `local`);
/// otherwise the services' miniature and full picture as they are.
enum GalleryItem {
    static func value(full: String, thumbnail: String, alt: String, pictures: SitePictures) -> TemplateValue? {
        if pictures.isMirroring {
            guard pictures.has(full) else { return nil }
            let picture = pictures.value(full, alt: alt, display: 320, sizes: SitePictures.gallerySizes)
            return .map(["picture": picture, "full": picture.mapValue["full"] ?? .null, "local": .bool(true), "alt": .string(alt),
                         "fullWidth": picture.mapValue["fullWidth"] ?? .null, "fullHeight": picture.mapValue["fullHeight"] ?? .null])
        }
        return .map(["picture": pictures.value(thumbnail, alt: alt, display: 240, sizes: SitePictures.gallerySizes),
                     "full": .string(full), "alt": .string(alt)])
    }
}
