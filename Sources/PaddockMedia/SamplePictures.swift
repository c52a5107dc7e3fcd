import CVipsShim
import Foundation

/// Pictures made on the spot for the tests, the sandbox and the demo: real encoded files, and the
/// hostile ones a picture host may serve.
package enum SamplePictures {
    /// An encoded picture of `width` × `height`: a colour gradient (red across, green down) with
    /// noise, so that a rotation or a crop shows in its pixels. `orientation` (1–8) is written into
    /// its EXIF for JPEG and WebP.
    package static func photo(width: Int, height: Int, format: ImageFormat?, orientation: Int = 1) throws -> Data {
        try Vips.start()
        var out: UnsafeMutableRawPointer?
        var length = 0
        let code: Int32 = switch format { case .jpeg: Int32(PV_JPEG); case .webp: Int32(PV_WEBP); case .avif: Int32(PV_AVIF); case nil: 3 }
        guard pv_generate(Int32(width), Int32(height), code, Int32(orientation), &out, &length) == 0 else {
            throw MediaError.decodeFailed(Vips.takeError() ?? "could not generate a picture")
        }
        return Vips.take(out, length: length)
    }

    /// A camera-sized photograph made from `picture` (a small demo picture): enlarged to `width` ×
    /// `height` with grain, JPEG Q90, so that it weighs what a phone's photograph weighs
    /// (4032 × 3024: about 4 MB).
    package static func photograph(from picture: Data, width: Int = 4032, height: Int = 3024) throws -> Data {
        try Vips.start()
        var out: UnsafeMutableRawPointer?
        var length = 0
        let code = picture.withUnsafeBytes { pv_photograph($0.baseAddress, $0.count, Int32(width), Int32(height), &out, &length) }
        guard code == 0 else { throw MediaError.decodeFailed(Vips.takeError() ?? "could not make a photograph") }
        return Vips.take(out, length: length)
    }

    /// A PNG of `width` × `height` black pixels: small on the wire, huge once decoded.
    package static func decompressionBomb(width: Int = 10_000, height: Int = 10_000) throws -> Data {
        try Vips.start()
        var out: UnsafeMutableRawPointer?
        var length = 0
        guard pv_generate_blank_png(Int32(width), Int32(height), &out, &length) == 0 else {
            throw MediaError.decodeFailed(Vips.takeError() ?? "could not generate a PNG")
        }
        return Vips.take(out, length: length)
    }

    /// A PNG whose header claims `width` × `height` (65000 × 65000 by default) followed by a few
    /// bytes of pixel data and its end: the header is valid, the picture is not there.
    package static func claimedSizePNG(width: UInt32 = 65_000, height: UInt32 = 65_000) -> Data {
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data()
        ihdr.append(bigEndian: width)
        ihdr.append(bigEndian: height)
        ihdr.append(contentsOf: [8, 2, 0, 0, 0])   // 8-bit RGB, deflate, no filter, no interlace
        png.append(chunk: "IHDR", ihdr)
        png.append(chunk: "IDAT", Data([0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]))
        png.append(chunk: "IEND", Data())
        return png
    }

    /// An animated GIF of `frames` one-pixel frames.
    package static func animatedGIF(frames: Int = 400) -> Data {
        var gif = Data("GIF89a".utf8)
        gif.append(contentsOf: [1, 0, 1, 0, 0x80, 0, 0])          // 1×1, global table of 2 colours
        gif.append(contentsOf: [0, 0, 0, 255, 255, 255])
        gif.append(contentsOf: [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [3, 1, 0, 0, 0])
        for index in 0..<frames {
            gif.append(contentsOf: [0x21, 0xF9, 4, 0, 2, 0, 0, 0])  // 20 ms per frame
            gif.append(contentsOf: [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0])
            // LZW, minimum code size 2: clear, the pixel (0 or 1), end.
            gif.append(contentsOf: [2, 2, index % 2 == 0 ? 0x44 : 0x4C, 0x01, 0])
        }
        gif.append(0x3B)
        return gif
    }

    /// An SVG picture (with a script, as a hostile host would serve it).
    package static let svg = Data("""
        <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><script>alert(1)</script><rect width="400" height="300" fill="red"/></svg>
        """.utf8)
}

extension Data {
    fileprivate mutating func append(bigEndian value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    fileprivate mutating func append(chunk type: String, _ body: Data) {
        append(bigEndian: UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        append(bigEndian: CRC32.checksum(typed))
    }
}

/// The CRC-32 of PNG chunks (ISO 3309).
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
