import Foundation

/// Recognises a raster picture by its first bytes, whatever its `Content-Type` says.
enum ImageSniffer {
    enum Format: String { case jpeg, png, gif, webp, avif }

    static func format(of body: Data) -> Format? {
        let head = [UInt8](body.prefix(16))
        func at(_ offset: Int, _ bytes: [UInt8]) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        if at(0, [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if at(0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if at(0, Array("GIF87a".utf8)) || at(0, Array("GIF89a".utf8)) { return .gif }
        if at(0, Array("RIFF".utf8)) && at(8, Array("WEBP".utf8)) { return .webp }
        if at(4, Array("ftyp".utf8)), head.count >= 12 {
            let brand = String(decoding: head[8..<12], as: UTF8.self)
            if ["avif", "avis", "heic", "heix", "mif1", "msf1"].contains(brand) { return .avif }
        }
        return nil
    }
}
