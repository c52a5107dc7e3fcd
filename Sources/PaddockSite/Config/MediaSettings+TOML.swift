import PaddockMedia
import PaddockSources

extension MediaSettings {
    /// Mirroring and variants off: pages show the services' picture URLs as they are.
    package static var off: MediaSettings {
        var settings = MediaSettings()
        settings.enabled = false
        return settings
    }

    /// What a fetch needs to mirror the pictures.
    var mirrorConfiguration: MediaMirrorConfiguration {
        MediaMirrorConfiguration(maxBytes: maxBytes, timeLimit: downloadTimeLimit,
                                 keepUnreferenced: .seconds(Int64(pruneAfterDays) * 86_400))
    }

    /// `[media]` of paddock.toml; the defaults (on) when the section is absent.
    static func read(_ section: TOMLSection?) throws -> MediaSettings {
        var settings = MediaSettings()
        guard var section else { return settings }
        settings.enabled = try section.bool("enabled") ?? settings.enabled
        if let widths = try section.positiveIntArray("widths") {
            guard !widths.isEmpty else { throw section.error(.invalidValue, "widths", "must name at least one width") }
            guard widths.allSatisfy({ $0 <= 8192 }) else { throw section.error(.invalidValue, "widths", "widths above 8192 pixels are not made") }
            settings.widths = Array(Set(widths)).sorted()
        }
        if let names = try section.stringArray("formats") {
            var formats: [ImageFormat] = []
            for name in names {
                guard let format = ImageFormat(rawValue: name.lowercased() == "jpg" ? "jpeg" : name.lowercased()) else {
                    throw section.error(.invalidValue, "formats", "unknown format \"\(name)\"; known: avif, webp, jpeg")
                }
                formats.append(format)
            }
            settings.formats = formats
        }
        for format in ImageFormat.allCases {
            let key = "\(format.rawValue)_quality"
            if let quality = try section.positiveInt(key) {
                guard quality <= 100 else { throw section.error(.invalidValue, key, "must be 1 to 100, found \(quality)") }
                settings.quality[format] = quality
            }
        }
        if let effort = try section.int("avif_effort") {
            guard (0...9).contains(effort) else { throw section.error(.invalidValue, "avif_effort", "must be 0 to 9, found \(effort)") }
            settings.avifEffort = effort
        }
        settings.maxBytes = try section.positiveInt("max_bytes") ?? settings.maxBytes
        settings.maxPixels = try section.positiveInt("max_pixels") ?? settings.maxPixels
        settings.maxFrames = try section.positiveInt("max_frames") ?? settings.maxFrames
        settings.downloadTimeLimit = try section.seconds("download_time_limit") ?? settings.downloadTimeLimit
        settings.pruneAfterDays = try section.positiveInt("prune_after_days") ?? settings.pruneAfterDays
        if let template = try section.string("video_thumbnail_url") {
            try ConfigValidation.httpURL(template.replacingOccurrences(of: "{id}", with: "ID"), key: "video_thumbnail_url", in: section)
            guard template.contains("{id}") else {
                throw section.error(.invalidValue, "video_thumbnail_url", "must contain {id}, where the video's id goes")
            }
            settings.videoThumbnailURL = template
        }
        try section.finish()
        return settings
    }
}
