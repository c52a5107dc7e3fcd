import Foundation
import PaddockMedia
import Testing
@testable import PaddockSite

/// `[media]` of paddock.toml.
@Suite struct MediaConfigTests {
    let root = URL(filePath: "/srv/stable")
    static let head = "title = \"A\"\nbase_url = \"https://a.example\"\n[media]\n"

    @Test func isOnByDefaultInAConfigFileAndMirrorsThroughTheFetch() throws {
        let config = try SiteConfig(toml: "title = \"A\"\nbase_url = \"https://a.example\"\n", root: root)
        #expect(config.media == MediaSettings())
        #expect(config.media.enabled && config.sources.media?.maxBytes == 25 << 20)
        #expect(SiteConfig(root: root, title: "A", baseURL: "https://a.example").media.enabled == false)
    }

    @Test func readsEverySetting() throws {
        let config = try SiteConfig(toml: Self.head + """
            widths = [1600, 320, 640, 320]
            formats = ["webp", "jpg"]
            avif_quality = 40
            webp_quality = 70
            jpeg_quality = 85
            avif_effort = 4
            max_bytes = 1000000
            max_pixels = 20000000
            max_frames = 10
            download_time_limit = 12.5
            prune_after_days = 7
            video_thumbnail_url = "https://thumbs.example/{id}.jpg"
            """, root: root)
        let media = config.media
        #expect(media.widths == [320, 640, 1600])
        #expect(media.outputFormats == [.webp, .jpeg])
        #expect(media.quality == [.avif: 40, .webp: 70, .jpeg: 85] && media.avifEffort == 4)
        #expect(media.maxBytes == 1_000_000 && media.maxPixels == 20_000_000 && media.maxFrames == 10)
        #expect(media.downloadTimeLimit == .milliseconds(12_500) && media.pruneAfterDays == 7)
        #expect(media.videoThumbnailURL == "https://thumbs.example/{id}.jpg")
        #expect(config.sources.media?.maxBytes == 1_000_000 && config.sources.media?.timeLimit == .milliseconds(12_500))
    }

    @Test func turnedOffItNeitherMirrorsNorMakesVariants() throws {
        let config = try SiteConfig(toml: Self.head + "enabled = false\n", root: root)
        #expect(!config.media.enabled && config.sources.media == nil)
    }

    @Test(arguments: [
        ("widths = [320, -1]", "media.widths"), ("widths = []", "media.widths"), ("widths = [\"big\"]", "media.widths"),
        ("formats = [\"gif\"]", "media.formats"), ("webp_quality = 101", "media.webp_quality"), ("avif_effort = 12", "media.avif_effort"),
        ("max_bytes = 0", "media.max_bytes"), ("enabled = \"yes\"", "media.enabled"), ("widht = [320]", "media.widht"),
        ("video_thumbnail_url = \"https://t.example/x.jpg\"", "media.video_thumbnail_url"),
        ("download_time_limit = -1", "media.download_time_limit"),
    ])
    func namesTheKeyOfABadValue(_ line: String, _ key: String) {
        do {
            _ = try SiteConfig(toml: Self.head + line + "\n", root: root)
            Issue.record("expected an error for \(key)")
        } catch let error as SiteConfigError {
            #expect(error.key == key)
            #expect(error.description.hasPrefix("paddock.toml:4: \(key)"), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
