import Foundation
import Testing
@testable import PaddockSite

/// Paddock's QR encoder against reference symbols made by segno (QRReferenceSymbols).
@Suite struct QRCodeTests {
    static func rows(_ code: QRCode) -> [String] {
        (0..<code.size).map { y in String((0..<code.size).map { code[x: $0, y: y] ? "1" : "0" }) }
    }

    @Test(arguments: QRReferenceSymbols.all.indices)
    func matchesTheReferenceModuleForModuleUnderEachMask(index: Int) throws {
        let reference = QRReferenceSymbols.all[index]
        // With the reference's mask, every module is the same: data, padding, error correction,
        // interleaving, placement, format and version information.
        let forced = try QRCode.encode(reference.text, mask: reference.mask)
        #expect(forced.version == reference.version, "\(reference.text)")
        #expect(Self.rows(forced) == reference.rows, "\(reference.text)")
    }

    @Test(arguments: QRReferenceSymbols.all.indices)
    func choosesTheMaskOfLowestPenalty(index: Int) throws {
        // Encoders weigh the finder-like patterns at the symbol's edge differently (the quiet zone
        // counts as light here, as in Nayuki's reference; the qrcode library does not count it),
        // so the chosen mask may differ from the reference's; it must be the lowest penalty here.
        let reference = QRReferenceSymbols.all[index]
        let chosen = try QRCode.encode(reference.text)
        let penalties = try (0..<8).map { try QRCode.penalty(of: QRCode.encode(reference.text, mask: $0)) }
        #expect(penalties[chosen.mask] == penalties.min(), "\(reference.text): \(penalties)")
        #expect(chosen == (try QRCode.encode(reference.text, mask: chosen.mask)))
    }

    @Test func capacitiesAtLevelMAreTheStandardsForByteMode() {
        // ISO/IEC 18004 table 7, byte mode, level M.
        let expected = [1: 14, 2: 26, 3: 42, 4: 62, 5: 84, 6: 106, 7: 122, 8: 152, 9: 180, 10: 213, 20: 666, 40: 2331]
        for (version, bytes) in expected { #expect(QRCode.capacity(version: version) == bytes, "version \(version)") }
        #expect(throws: QRCode.EncodeError.tooLong(bytes: 2332)) { try QRCode.encode([UInt8](repeating: 65, count: 2332)) }
    }

    @Test func theSVGHasAQuietZoneAndOneRectanglePerRunOfDarkModules() throws {
        let code = try QRCode.encode("https://stable.example/en/horses/arko/")
        let svg = code.svg
        #expect(svg.hasPrefix("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 \(code.size + 8) \(code.size + 8)'"))
        var runs = 0
        for y in 0..<code.size {
            for x in 0..<code.size where code[x: x, y: y] && (x == 0 || !code[x: x - 1, y: y]) { runs += 1 }
        }
        #expect(svg.components(separatedBy: "z").count - 1 == runs + 1)   // the white background is one more
        let url = code.svgDataURL
        #expect(url.hasPrefix("data:image/svg+xml,%3Csvg "))
        #expect(!url.contains("<") && !url.contains("\"") && !url.contains("#"))
    }
}
