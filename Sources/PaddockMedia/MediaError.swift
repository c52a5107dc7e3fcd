/// Why a picture was refused or could not be processed; shown in the warning that names the item.
package enum MediaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not an image libvips recognises (HTML, JSON, text labelled as a picture).
    case notAnImage
    /// An image in a format the site does not take (SVG, PDF, TIFF, …).
    case unsupportedFormat(String)
    /// The header claims more pixels than allowed (decompression bombs; refused before decoding).
    case tooManyPixels(width: Int, height: Int, frames: Int, limit: Int)
    /// More frames than allowed (an animated GIF of hundreds of frames).
    case tooManyFrames(Int, limit: Int)
    /// Larger than the download limit.
    case tooLarge(bytes: Int, limit: Int)
    /// libvips could not decode or encode it (a truncated file, a corrupt stream).
    case decodeFailed(String)
    /// libvips did not start.
    case unavailable(String)

    package var description: String {
        switch self {
        case .notAnImage: "not an image"
        case .unsupportedFormat(let format): "an image format the site does not take (\(format))"
        case .tooManyPixels(let width, let height, let frames, let limit):
            "\(width)×\(height)\(frames > 1 ? "×\(frames) frames" : "") is more than the \(limit) pixels allowed (media.max_pixels)"
        case .tooManyFrames(let frames, let limit): "\(frames) frames, more than the \(limit) allowed"
        case .tooLarge(let bytes, let limit): "\(bytes) bytes, more than the \(limit) allowed (media.max_bytes)"
        case .decodeFailed(let detail): "could not be decoded (\(detail))"
        case .unavailable(let detail): "libvips is unavailable (\(detail))"
        }
    }
}
