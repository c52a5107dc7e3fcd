import Foundation
import Logging
import PaddockMedia
import PaddockSandbox
import PaddockSources
import Testing
@testable import PaddockSite
@testable import PaddockPublish

/// Whole builds with `[media]` on: pictures mirrored from the sandbox over loopback, variants made
/// with libvips, pages read back from disk.
@Suite struct PictureBuildTests {
    static let logger = Logger(label: "test.pictures", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Small widths keep the test quick; every format is made.
    static func settings(_ sandbox: SandboxServer) -> MediaSettings {
        var media = MediaSettings()
        media.widths = [320, 640]
        media.avifEffort = 0   // the fastest AVIF encoder: the suite runs beside others on two cores
        media.downloadTimeLimit = .seconds(30)
        media.maxBytes = 20 << 20
        media.videoThumbnailURL = sandbox.mediaBaseURL + "/generated/480x360.jpg?video={id}"
        return media
    }

    static func builder(_ site: TemporarySite, _ sandbox: SandboxServer) -> SiteBuilder {
        let sources = SourcesConfiguration(
            equicty: EquictySourceConfiguration(baseURL: sandbox.equictyBaseURL),
            husbandry: HusbandrySourceConfiguration(version: .v1, baseURL: sandbox.husbandryV1BaseURL),
            languages: ["en"], maxTries: 2, cacheFolder: site.root.appending(path: ".paddock/cache"), retryBaseDelay: .milliseconds(20))
        var config = site.config(languages: ["en"], sources: sources)
        config.media = settings(sandbox)
        config.sources.media = config.media.mirrorConfiguration
        let credentials = Credentials(equictyAPIKey: sandbox.options.equictyAPIKey, husbandryUserKeys: sandbox.husbandryUserKeys)
        var fetcher = CatalogueFetcher(configuration: config.sources, credentials: credentials, logger: logger)
        fetcher.mediaReferences = config.pictureReferences
        return SiteBuilder(config: config, provider: FetchingCatalogueProvider(fetcher: fetcher), logger: logger)
    }

    /// Every picture address of a page: `src` of `<img>`, and each entry of a `srcset`.
    static func pictureReferences(_ html: ParsedHTML) -> [(element: ParsedHTML.Element, url: String, width: Int?)] {
        var found: [(ParsedHTML.Element, String, Int?)] = []
        for element in html.elements where element.name == "img" || element.name == "source" {
            if let src = element.attributes["src"] { found.append((element, src, nil)) }
            for entry in (element.attributes["srcset"] ?? "").split(separator: ",") {
                let parts = entry.split(separator: " ")
                guard let url = parts.first else { continue }
                let width = parts.dropFirst().first.flatMap { Int($0.dropLast()) }
                found.append((element, String(url), width))
            }
        }
        return found
    }

    @Test func aHostileSitePublishesWithEveryPictureLocalAndOfItsStatedSize() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        var options = SandboxOptions()
        options.includeHostile = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            let builder = Self.builder(site, sandbox)
            let report = try await builder.buildHoldingLock(refetch: true, wait: true)
            let built = try BuiltSite(output: builder.config.outputFolder)
            #expect(built.brokenReferences(baseURL: builder.config.baseURL).isEmpty)

            // Each hostile picture is a warning naming the horse, the picture and the reason.
            let expected: [(HostilePicture, String)] = [
                (.notAnImage, "not a picture"), (.decompressionBomb, "media.max_pixels"), (.hugeHeader, "65000×65000"),
                (.truncated, "could not be decoded"), (.animatedGIF, "400 frames"), (.svg, "not a picture"),
                (.tooBig, "media.max_bytes"), (.trickle, "time limit"), (.redirectLoop, "redirect loop"),
                (.redirectToFile, "(file:)"), (.redirectToClosedPort, "Connection refused"),
            ]
            for (index, (picture, reason)) in expected.enumerated() {
                let item = "horse 9013 (Hostile Pictures), picture \(index + 2)"
                let named = report.warnings.filter { $0.contains(item + " ") || $0.contains(item + ")") }
                #expect(named.contains { $0.contains(reason) }, "\(picture): \(named)")
            }

            // No page refers to a remote picture, except the logos of the HorseTelex HTML (kept as the terms require).
            var checked = 0
            var seenVariants = Set<String>()
            let processor = ImageProcessor(settings: MediaSettings())
            for path in built.htmlPaths {
                let html = ParsedHTML(built.files[path]!)
                for (element, url, width) in Self.pictureReferences(html) {
                    if url.hasPrefix("http://") || url.hasPrefix("https://") || url.hasPrefix("//") {
                        #expect(url.contains("/media/logos/"), "\(path) refers to a remote picture \(url)")
                        continue
                    }
                    // The sale sheet's QR code of the page's own address is the one picture drawn by the build.
                    if url.hasPrefix("data:image/svg+xml,"),
                       let canonical = html.elements.first(where: { $0.name == "link" && $0.attributes["rel"] == "canonical" })?.attributes["href"],
                       url == (try? QRCode.encode(canonical).svgDataURL) { continue }
                    #expect(!url.lowercased().hasPrefix("data:") && !url.lowercased().hasPrefix("javascript:"), "\(path): \(url)")
                    if url.hasSuffix(".svg") { continue }   // the theme's placeholders and logos
                    let target = try #require(SiteLinks.resolve(url, from: path, baseURL: builder.config.baseURL), "\(path): \(url)")
                    let bytes = try #require(built.files[target], "\(path): \(url) is not in the site")
                    guard seenVariants.insert(target + "|\(width ?? 0)|\(element.attributes["width"] ?? "")").inserted else { continue }
                    let header = try processor.inspect(Data(bytes))
                    if let width { #expect(header.width == width, "\(url) is \(header.width) wide, srcset says \(width)") }
                    if element.name == "img", url == element.attributes["src"] {
                        #expect(element.attributes["width"] == String(header.width) && element.attributes["height"] == String(header.height),
                                "\(path): \(url) is \(header.width)×\(header.height), the page says \(element.attributes["width"] ?? "?")×\(element.attributes["height"] ?? "?")")
                    }
                    checked += 1
                }
            }
            #expect(checked > 100)

            // The hostile horse's page shows its one good photograph as its main picture.
            let page = try #require(built.htmlPaths.first { path in built.text(path)?.contains("Hostile Pictures</h1>") == true })
            let main = try #require(ParsedHTML(built.files[page]!).elements.first { $0.name == "img" && $0.attributes["class"] == "portrait" })
            #expect(main.attributes["fetchpriority"] == "high" && main.attributes["loading"] == nil)
            #expect(main.attributes["width"] == "640" && main.attributes["height"] == "480")
            let gallery = ParsedHTML(built.files[page]!).elements.filter { $0.name == "img" && $0.attributes["loading"] == "lazy" }
            #expect(gallery.count == 1, "only the good photograph reaches the gallery")
        }
    }

    /// Incremental: the first build makes every picture; a fetch with nothing new does no picture
    /// work; a fetch that brings one new horse with five new photographs makes exactly those five.
    @Test func aNewHorseWithFivePhotographsIsTheOnlyPictureWorkOfItsBuild() async throws {
        let site = TemporarySite()
        defer { site.cleanup() }
        try await SandboxServer.withRunning(options: SandboxOptions()) { sandbox in
            let builder = Self.builder(site, sandbox)
            let first = try await builder.buildHoldingLock(refetch: true, wait: true)
            let made = try #require(first.pictures, "the first build reports its picture work")
            // Pictures with the same bytes under several addresses are decoded once (the rest "reused").
            #expect(made.decoded > 30, "\(made)")

            let again = try await builder.buildHoldingLock(refetch: true, wait: true)
            #expect(again.upToDate || again.pictures.map { $0.decoded == 0 } == true, "\(again)")

            sandbox.serve(changes: [.addHorse(id: 9101, name: "Nieuwkomer", like: 1201, pictures: 5)])
            let third = try await builder.buildHoldingLock(refetch: true, wait: true)
            let work = try #require(third.pictures)
            #expect(work.decoded == 5 && work.reused == made.decoded + made.reused, "\(work)")
            #expect(third.description.contains("pictures: 5 made, \(made.decoded + made.reused) reused"), "\(third)")
            let built = try BuiltSite(output: builder.config.outputFolder)
            #expect(built.htmlPaths.contains { built.text($0)?.contains("Nieuwkomer</h1>") == true })
        }
    }
}
