import Foundation
import Testing
@testable import PaddockSite

/// WCAG 2 contrast of the default theme's colour pairs (AA: 4.5 for text).
@Suite struct ContrastTests {
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    static func variables() throws -> [String: String] {
        let css = try String(contentsOf: BundledTheme.folder().appending(path: "assets/site.css"), encoding: .utf8)
        var result: [String: String] = [:]
        for match in css.matches(of: try Regex(#"--([a-z-]+):\s*(#[0-9a-fA-F]{6})"#)) {
            result[String(match.output[1].substring!)] = String(match.output[2].substring!)
        }
        return result
    }

    @Test(arguments: [("ink", "paper"), ("muted", "paper"), ("accent", "paper"), ("ink", "card"), ("muted", "card"),
                      ("green", "paper"), ("accent", "accent-soft"), ("green", "green-soft")])
    func textColoursMeetAA(foreground: String, background: String) throws {
        let colours = try Self.variables()
        let ratio = Self.contrast(try #require(colours[foreground]), try #require(colours[background]))
        #expect(ratio >= 4.5, "\(foreground) on \(background): \(ratio)")
    }

    @Test func whiteOnTheHeaderAndButtonsMeetsAA() throws {
        let colours = try Self.variables()
        #expect(Self.contrast("#ffffff", try #require(colours["green"])) >= 4.5)
        #expect(Self.contrast("#ffffff", try #require(colours["accent"])) >= 4.5)
        #expect(Self.contrast("#ffffff", try #require(colours["focus"])) >= 3, "focus ring against white")
    }
}
