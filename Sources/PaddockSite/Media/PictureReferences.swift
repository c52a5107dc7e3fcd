import PaddockCatalogue
import PaddockMedia
import PaddockSources

/// Every picture the site's pages show, with the item it belongs to: what a fetch mirrors and a
/// build turns into variants. The pages look pictures up by the same URLs.
enum PictureReferences {
    static func all(in catalogues: [Catalogue], settings: MediaSettings) -> [MediaReference] {
        var references: [MediaReference] = []
        var seen = Set<String>()
        func add(_ url: String?, _ item: @autoclosure () -> String) {
            guard let url = SafeURL.web(url), seen.insert(url).inserted else { return }
            references.append(MediaReference(url: url, item: item()))
        }
        for catalogue in catalogues {
            for horse in catalogue.horses {
                let name = "horse \(horse.id) (\(horse.name))"
                for (index, picture) in horse.pictures.enumerated() {
                    add(picture.url, "\(name), picture \(index + 1)")
                    add(picture.miniatureURL, "\(name), miniature of picture \(index + 1)")
                }
                add(horse.miniatureURL, "\(name), miniature")
                add(horse.profileURL, "\(name), profile picture")
                for (index, video) in horse.videos.enumerated() {
                    add(videoThumbnail(video.url, settings: settings), "\(name), thumbnail of video \(index + 1)")
                }
            }
            for animal in catalogue.animals {
                for (index, photo) in animal.photos.enumerated() {
                    add(photo, "animal \(animal.id) (\(SitePlan.animalTitle(animal))), photo \(index + 1)")
                }
            }
        }
        return references
    }

    /// ``all(in:settings:)`` as a fetcher's ``CatalogueFetcher/mediaReferences``.
    static func function(_ settings: MediaSettings) -> @Sendable ([Catalogue]) -> [MediaReference] {
        { all(in: $0, settings: settings) }
    }

    /// The thumbnail of a YouTube video (``MediaSettings/videoThumbnailURL`` with its id), or nil.
    static func videoThumbnail(_ url: String?, settings: MediaSettings) -> String? {
        guard let id = SafeURL.youTubeID(url) else { return nil }
        return settings.videoThumbnailURL.replacingOccurrences(of: "{id}", with: id)
    }
}
