import CVipsShim
import Foundation

/// Checks and converts one picture with libvips, synchronously: run it off the cooperative pool
/// (``MediaThreads``).
///
/// ```swift
/// let processor = ImageProcessor(settings: settings)
/// let header = try processor.inspect(bytes)            // limits, from the header alone
/// let image = try processor.process(bytes, header: header,
///                                   variants: processor.variants(for: header))
/// ```
package struct ImageProcessor: Sendable {
    package let settings: MediaSettings
    /// Width of the inline placeholder.
    static let placeholderWidth = 16

    package init(settings: MediaSettings) {
        self.settings = settings
    }

    /// Reads the header and applies every limit before a pixel is decoded: size, format, pixel
    /// count (width × height × frames), frames.
    /// - Throws: ``MediaError`` saying what is wrong.
    package func inspect(_ bytes: Data) throws(MediaError) -> ImageHeader {
        try Vips.start()
        guard bytes.count <= settings.maxBytes else { throw .tooLarge(bytes: bytes.count, limit: settings.maxBytes) }
        if Self.looksLikeSVG(bytes) { throw .unsupportedFormat("SVG") }
        var raw = pv_header()
        let status = bytes.withUnsafeBytes { pv_read_header($0.baseAddress, $0.count, &raw) }
        let loader = withUnsafeBytes(of: raw.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        guard status == 0 else {
            let detail = Vips.takeError()
            if loader.isEmpty { throw .notAnImage }
            throw .decodeFailed(detail ?? "unreadable header")
        }
        guard ImageHeader.acceptedLoaders.contains(loader) else {
            throw .unsupportedFormat(loader.replacingOccurrences(of: "load_buffer", with: ""))
        }
        let header = ImageHeader(width: Int(raw.width), height: Int(raw.height), frames: max(1, Int(raw.pages)),
                                 orientation: Int(raw.orientation), loader: loader)
        let (pixels, overflow) = header.width.multipliedReportingOverflow(by: header.height)
        let (all, overflowFrames) = pixels.multipliedReportingOverflow(by: header.frames)
        guard header.width > 0, header.height > 0 else { throw .decodeFailed("the header claims \(header.width)×\(header.height)") }
        guard header.frames <= settings.maxFrames else { throw .tooManyFrames(header.frames, limit: settings.maxFrames) }
        guard !overflow, !overflowFrames, all <= settings.maxPixels else {
            throw .tooManyPixels(width: header.width, height: header.height, frames: header.frames, limit: settings.maxPixels)
        }
        return header
    }

    /// Every variant the settings ask for, for a picture with `header`.
    package func variants(for header: ImageHeader) -> [VariantRequest] {
        settings.widths(forSourceWidth: header.displayWidth).flatMap { width in
            settings.outputFormats.map { VariantRequest(width: width, format: $0, quality: settings.quality(of: $0)) }
        }
    }

    /// Decodes the picture once (shrunk on load to the widest variant needed, orientation applied),
    /// then encodes each requested variant without metadata, and the placeholder.
    /// - Parameter isCancelled: read between variants, so that a cancelled build stops within one.
    /// - Throws: ``MediaError``; `CancellationError` when `isCancelled` turns true.
    package func process(_ bytes: Data, header: ImageHeader, variants: [VariantRequest],
                         placeholder: Bool = true, isCancelled: () -> Bool = { false }) throws -> ProcessedImage {
        let widest = max(variants.map(\.width).max() ?? Self.placeholderWidth, Self.placeholderWidth)
        guard let handle = bytes.withUnsafeBytes({ pv_thumbnail($0.baseAddress, $0.count, Int32(widest)) }) else {
            throw MediaError.decodeFailed(Vips.takeError() ?? "libvips failed")
        }
        let base = Vips.Image(handle)
        var result = ProcessedImage(width: header.displayWidth, height: header.displayHeight, variants: [])
        var scaled: [Int: Vips.Image] = [base.width: base]
        for request in variants.sorted(by: { ($0.width, $0.format.rawValue) > ($1.width, $1.format.rawValue) }) {
            if isCancelled() { throw CancellationError() }
            let image = try scaled[request.width] ?? shrink(base, to: request.width)
            scaled[request.width] = image
            let data = try encode(image, format: request.format, quality: request.quality)
            result.variants.append(EncodedVariant(width: image.width, height: image.height, format: request.format,
                                                  quality: request.quality, bytes: data))
        }
        if placeholder {
            let tiny = try shrink(base, to: Self.placeholderWidth)
            let preview = try encode(tiny, format: .webp, quality: 30)
            result.placeholder = "data:image/webp;base64," + preview.base64EncodedString()
            let rgb = pv_mean_rgb(tiny.handle)
            if rgb >= 0 { result.meanColour = "#" + String(format: "%06x", rgb) }
        }
        result.variants.sort { ($0.width, ImageFormat.preference.firstIndex(of: $0.format)!) < ($1.width, ImageFormat.preference.firstIndex(of: $1.format)!) }
        return result
    }

    private func shrink(_ image: Vips.Image, to width: Int) throws(MediaError) -> Vips.Image {
        guard let handle = pv_shrink(image.handle, Int32(width)) else { throw .decodeFailed(Vips.takeError() ?? "resize failed") }
        return Vips.Image(handle)
    }

    private func encode(_ image: Vips.Image, format: ImageFormat, quality: Int) throws(MediaError) -> Data {
        var out: UnsafeMutableRawPointer?
        var length = 0
        let code: Int32 = switch format { case .jpeg: Int32(PV_JPEG); case .webp: Int32(PV_WEBP); case .avif: Int32(PV_AVIF) }
        let effort = format == .avif ? settings.avifEffort : 4
        guard pv_save(image.handle, code, Int32(quality), Int32(effort), &out, &length) == 0 else {
            throw .decodeFailed(Vips.takeError() ?? "\(format.rawValue) encoding failed")
        }
        let encoded = Vips.take(out, length: length)
        return format == .webp ? WebPMetadata.strip(encoded) : encoded
    }

    /// SVG is refused before libvips sees it (it is blocked there too): an XML or `<svg` start.
    static func looksLikeSVG(_ bytes: Data) -> Bool {
        let head = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<svg") || (trimmed.hasPrefix("<!") && head.contains("<svg"))
    }
}
