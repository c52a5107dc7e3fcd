import Foundation
import Testing
@testable import PaddockMedia

@Suite struct ImageProcessorTests {
    let processor = ImageProcessor(settings: MediaSettings())

    /// Every variant, read back by libvips: its real size and format.
    func check(_ image: ProcessedImage, widths: [Int], aspect: Double) throws {
        #expect(Set(image.variants.map(\.width)) == Set(widths))
        for variant in image.variants {
            let header = try processor.inspect(variant.bytes)
            #expect(header.width == variant.width && header.height == variant.height, "\(variant.format) \(variant.width)")
            #expect(abs(Double(header.height) - Double(header.width) / aspect) <= 1, "\(variant.format) \(variant.width)")
            #expect(header.orientation == 1)
            let expected = switch variant.format { case .jpeg: "jpegload_buffer"; case .webp: "webpload_buffer"; case .avif: "heifload_buffer" }
            #expect(header.loader == expected)
        }
        #expect(Set(image.variants.map(\.format)) == [.avif, .webp, .jpeg])
    }

    @Test(arguments: [ImageFormat.jpeg, .webp, nil])
    func turnsAPhotoIntoEveryWidthAndFormatNeverEnlarged(_ format: ImageFormat?) throws {
        let bytes = try SamplePictures.photo(width: 1200, height: 900, format: format)
        let header = try processor.inspect(bytes)
        #expect(header.width == 1200 && header.height == 900)
        let image = try processor.process(bytes, header: header, variants: processor.variants(for: header))
        #expect(image.width == 1200 && image.height == 900)
        try check(image, widths: [320, 640, 1024, 1200], aspect: 4.0 / 3.0)
    }

    @Test func aSmallPictureKeepsItsOwnWidthOnly() throws {
        let bytes = try SamplePictures.photo(width: 200, height: 150, format: .jpeg)
        let header = try processor.inspect(bytes)
        #expect(processor.variants(for: header).map(\.width) == [200, 200, 200])
        let image = try processor.process(bytes, header: header, variants: processor.variants(for: header))
        #expect(image.variants.allSatisfy { $0.width == 200 && $0.height == 150 })
    }

    @Test func aWidePictureStopsAtTheWidestConfiguredWidth() {
        let header = ImageHeader(width: 4000, height: 3000, frames: 1, orientation: 1, loader: "jpegload_buffer")
        #expect(Set(processor.variants(for: header).map(\.width)) == [320, 640, 1024, 1600])
    }

    @Test func appliesTheEXIFOrientationAndStripsEveryTag() throws {
        // Stored landscape, tagged "turn 90° clockwise" (6): shown as a portrait.
        let bytes = try SamplePictures.photo(width: 800, height: 600, format: .jpeg, orientation: 6)
        #expect(bytes.range(of: Data("Exif".utf8)) != nil)
        let header = try processor.inspect(bytes)
        #expect(header.orientation == 6 && header.displayWidth == 600 && header.displayHeight == 800)
        let image = try processor.process(bytes, header: header, variants: processor.variants(for: header))
        #expect(image.width == 600 && image.height == 800)
        try check(image, widths: [320, 600], aspect: 600.0 / 800.0)
        for variant in image.variants {
            #expect(variant.bytes.range(of: Data("Exif".utf8)) == nil, "\(variant.format) keeps EXIF")
            #expect(variant.bytes.range(of: Data("http://ns.adobe.com/xap".utf8)) == nil, "\(variant.format) keeps XMP")
        }
    }

    @Test func aPortraitStaysAPortrait() throws {
        let bytes = try SamplePictures.photo(width: 900, height: 1600, format: .jpeg)
        let header = try processor.inspect(bytes)
        let image = try processor.process(bytes, header: header, variants: processor.variants(for: header))
        try check(image, widths: [320, 640, 900], aspect: 900.0 / 1600.0)
    }

    @Test func makesATinyInlinePlaceholderAndAMeanColour() throws {
        let bytes = try SamplePictures.photo(width: 640, height: 480, format: .jpeg)
        let header = try processor.inspect(bytes)
        let image = try processor.process(bytes, header: header, variants: [])
        let placeholder = try #require(image.placeholder)
        #expect(placeholder.hasPrefix("data:image/webp;base64,"))
        let decoded = try #require(Data(base64Encoded: String(placeholder.dropFirst("data:image/webp;base64,".count))))
        #expect(decoded.count < 600)
        let tiny = try processor.inspect(decoded)
        #expect(tiny.width == 16 && tiny.height == 12)
        #expect(image.meanColour?.count == 7)
    }

    @Test func refusesBytesThatAreNotAnImage() {
        #expect(throws: MediaError.notAnImage) { try processor.inspect(Data("<!doctype html><p>Not found</p>".utf8)) }
    }

    @Test func refusesSVG() {
        #expect(throws: MediaError.unsupportedFormat("SVG")) { try processor.inspect(SamplePictures.svg) }
    }

    @Test func refusesAHeaderClaiming65000By65000BeforeDecoding() {
        #expect(throws: MediaError.tooManyPixels(width: 65_000, height: 65_000, frames: 1, limit: 50_000_000)) {
            try processor.inspect(SamplePictures.claimedSizePNG())
        }
    }

    @Test func refusesADecompressionBomb() throws {
        let bomb = try SamplePictures.decompressionBomb(width: 8000, height: 8000)
        #expect(bomb.count < 1 << 20)
        #expect(throws: MediaError.tooManyPixels(width: 8000, height: 8000, frames: 1, limit: 50_000_000)) {
            try processor.inspect(bomb)
        }
    }

    @Test func refusesAnAnimatedGIFOfHundredsOfFrames() {
        #expect(throws: MediaError.tooManyFrames(400, limit: 64)) { try processor.inspect(SamplePictures.animatedGIF(frames: 400)) }
    }

    @Test func takesTheFirstFrameOfAShortGIF() throws {
        let gif = SamplePictures.animatedGIF(frames: 3)
        let header = try processor.inspect(gif)
        #expect(header.frames == 3 && header.width == 1)
        let image = try processor.process(gif, header: header, variants: processor.variants(for: header))
        #expect(image.variants.allSatisfy { $0.width == 1 && $0.height == 1 })
    }

    @Test func refusesAPictureOverTheSizeLimit() throws {
        var settings = MediaSettings()
        settings.maxBytes = 10_000
        let bytes = try SamplePictures.photo(width: 800, height: 600, format: .jpeg)
        #expect(throws: MediaError.tooLarge(bytes: bytes.count, limit: 10_000)) { try ImageProcessor(settings: settings).inspect(bytes) }
    }

    @Test func aTruncatedFileFailsToDecode() throws {
        let bytes = try SamplePictures.photo(width: 1200, height: 900, format: .jpeg)
        let cut = bytes.prefix(bytes.count / 2)
        let header = try processor.inspect(cut)
        #expect(throws: MediaError.self) {
            try processor.process(cut, header: header, variants: processor.variants(for: header))
        }
    }
}
