import Foundation

/// Removes metadata chunks from a WebP file. libvips 8.14.1 (Debian bookworm) writes the EXIF
/// block into WebP files even when asked to strip it; a phone photo's EXIF holds the GPS
/// position of the stable, so the chunks are taken out here.
enum WebPMetadata {
    /// `webp` without its `EXIF`, `XMP ` and `ICCP` chunks, the `VP8X` flags and the RIFF size
    /// updated; unchanged when it is not a RIFF WebP file.
    static func strip(_ webp: Data) -> Data {
        let bytes = [UInt8](webp)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else { return webp }
        var out: [UInt8] = Array(bytes[0..<12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let type = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = min(bytes.count, offset + 8 + size + (size & 1))
            if !["EXIF", "XMP ", "ICCP"].contains(type) {
                var chunk = Array(bytes[offset..<end])
                // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
                if type == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
                out += chunk
            }
            offset = end
        }
        let riffSize = UInt32(out.count - 8)
        out[4] = UInt8(riffSize & 0xFF); out[5] = UInt8(riffSize >> 8 & 0xFF)
        out[6] = UInt8(riffSize >> 16 & 0xFF); out[7] = UInt8(riffSize >> 24)
        return Data(out)
    }
}
