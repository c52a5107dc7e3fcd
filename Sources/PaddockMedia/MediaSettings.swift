/// How pictures are mirrored and turned into the site's variants (`[media]` in paddock.toml).
package struct MediaSettings: Sendable, Hashable {
    /// Off: pages point at the services' own picture addresses, as the APIs give them.
    package var enabled = true
    /// Widths of the variants in pixels, never more than the original's.
    package var widths = [320, 640, 1024, 1600]
    /// Encodings written; JPEG is always written too, as the fallback every browser reads.
    package var formats: [ImageFormat] = [.avif, .webp, .jpeg]
    package var quality: [ImageFormat: Int] = [.avif: 50, .webp: 75, .jpeg: 80]
    /// CPU effort of the AVIF encoder (0 fastest … 9 smallest).
    package var avifEffort = 2
    /// The largest picture downloaded, in bytes.
    package var maxBytes = 25 << 20
    /// The most pixels (width × height × frames) a picture may claim in its header; larger ones
    /// are refused before anything is decoded.
    package var maxPixels = 50_000_000
    /// The most frames a picture may have (an animated GIF shows its first).
    package var maxFrames = 64
    /// The longest one picture's download may take, every try and redirect included.
    package var downloadTimeLimit: Duration = .seconds(60)
    /// Variants no page referred to for this many days are deleted from the cache.
    package var pruneAfterDays = 30
    /// Where a YouTube video's thumbnail is mirrored from (`{id}`: the video's id).
    package var videoThumbnailURL = "https://i.ytimg.com/vi/{id}/hqdefault.jpg"

    package init() {}

    /// The formats written, best first, JPEG always among them.
    package var outputFormats: [ImageFormat] {
        ImageFormat.preference.filter { $0 == .jpeg || formats.contains($0) }
    }

    package func quality(of format: ImageFormat) -> Int {
        quality[format] ?? MediaSettings().quality[format]!
    }

    /// The widths of a picture `sourceWidth` pixels wide: the configured ones narrower than it,
    /// and its own width when it is narrower than the widest configured (never enlarged).
    package func widths(forSourceWidth sourceWidth: Int) -> [Int] {
        let configured = Set(widths.filter { $0 > 0 })
        guard let widest = configured.max(), sourceWidth > 0 else { return [] }
        var result = configured.filter { $0 < sourceWidth }
        if sourceWidth <= widest { result.insert(sourceWidth) }
        return result.sorted()
    }
}

extension MediaSettings: CustomStringConvertible {
    /// Every setting in a fixed order (a build's fingerprint digests the config's description; a
    /// dictionary's order changes from one process to the next).
    package var description: String {
        let qualities = ImageFormat.allCases.map { "\($0.rawValue)=\(quality(of: $0))" }.joined(separator: ",")
        return "MediaSettings(enabled: \(enabled), widths: \(widths), formats: \(formats.map(\.rawValue)), quality: [\(qualities)], "
            + "avifEffort: \(avifEffort), maxBytes: \(maxBytes), maxPixels: \(maxPixels), maxFrames: \(maxFrames), "
            + "downloadTimeLimit: \(downloadTimeLimit), pruneAfterDays: \(pruneAfterDays), videoThumbnailURL: \(videoThumbnailURL))"
    }
}
