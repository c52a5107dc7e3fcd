import Foundation

/// The declarations of one CSS block or `style` attribute (`color: red; display: none`).
///
/// Property names are lower-cased; values are trimmed, lower-cased and stripped of `!important`.
struct CSSDeclarations {
    private(set) var entries: [(property: String, value: String)] = []

    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ";") {
                if let entry = Self.entry(bytes, start..<index) { entries.append(entry) }
                start = index + 1
            }
        }
    }

    /// Declarations already read: a stylesheet's matching rules followed by a `style` attribute's.
    init(entries: [(property: String, value: String)]) {
        self.entries = entries
    }

    /// One `property: value` between semicolons, or `nil` without a colon or a property.
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (property: String, value: String)? {
        guard let colon = range.first(where: { bytes[$0] == UInt8(ascii: ":") }) else { return nil }
        let property = trimmedLowercase(bytes, range.lowerBound..<colon)
        guard !property.isEmpty else { return nil }
        var value = trimmedLowercase(bytes, (colon + 1)..<range.upperBound)
        if value.utf8.count >= 10, let bang = value.utf8.firstRange(of: "!important".utf8) {
            value = String(value[..<bang.lowerBound]).trimmingASCIIOrUnicodeSpaces(newlines: false)
        }
        return (property, value)
    }

    /// The bytes in `range`, trimmed of white space and lower-cased.
    private static func trimmedLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            .trimmingASCIIOrUnicodeSpaces(newlines: true).lowercased()
    }

    func value(of property: String) -> String? { entries.last { $0.property == property }?.value }

    /// The first declaration that hides the element it applies to, as `property:value`, or `nil`.
    ///
    /// - Parameter sizeCounts: zero `width`/`height` hide the element itself; on an ancestor they
    ///   hide it only together with `overflow: hidden`.
    func hidingDeclaration(sizeCounts: Bool = true) -> String? {
        for (property, value) in entries {
            var compact: String { value.filter { $0 != " " } }
            switch property {
            case "display" where value == "none": return "display:none"
            case "visibility" where value == "hidden" || value == "collapse": return "visibility:\(value)"
            case "opacity" where Self.isZero(value): return "opacity:\(value)"
            case "transform" where compact.contains("scale(0)") || compact.contains("scale(0,") || compact.contains("scalex(0)") || compact.contains("scaley(0)"):
                return "transform:\(value)"
            case "content-visibility" where value == "hidden": return "content-visibility:hidden"
            case "clip-path" where compact.contains("inset(50%") || compact.contains("circle(0"): return "clip-path:\(value)"
            case "clip" where compact.hasPrefix("rect("):
                let numbers = compact.dropFirst(5).split(whereSeparator: { $0 == "," || $0 == ")" }).compactMap { Self.pixels(String($0)) }
                if !numbers.isEmpty, numbers.allSatisfy({ $0 <= 1 }) { return "clip:\(value)" }
            case "width", "height", "max-width", "max-height":
                guard Self.isTiny(value) else { continue }
                if sizeCounts || overflowHidden { return "\(property):\(value)" }
            case "font-size" where Self.isZero(value) && sizeCounts: return "font-size:\(value)"
            case "left", "top", "right", "margin-left", "margin-top", "text-indent":
                if let offset = Self.pixels(value), offset <= -1000 { return "\(property):\(value)" }
            default: continue
            }
        }
        return nil
    }

    private var overflowHidden: Bool {
        let overflow = value(of: "overflow") ?? value(of: "overflow-x") ?? value(of: "overflow-y")
        return overflow == "hidden" || overflow == "clip"
    }

    /// `0`, `0px`, `0%`, `0.0em`, `0 !important` …
    static func isZero(_ value: String) -> Bool {
        let digits = value.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        guard !digits.isEmpty, let number = Double(digits) else { return false }
        return number == 0
    }

    /// Zero, or at most one pixel (a 1×1 box shows nothing).
    static func isTiny(_ value: String) -> Bool {
        if isZero(value) { return true }
        guard value.hasSuffix("px"), let pixels = pixels(value) else { return false }
        return pixels <= 1
    }

    /// A length in `px`, `em` or `rem` (16 px each) or unitless, as pixels.
    static func pixels(_ value: String) -> Double? {
        let digits = value.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        guard let number = Double(digits) else { return nil }
        let unit = value.dropFirst(digits.count)
        switch unit {
        case "", "px": return number
        case "em", "rem": return number * 16
        case "vw", "vh", "%": return number <= -100 ? -10_000 : number
        default: return nil
        }
    }
}

extension String {
    /// Trimmed of white space at both ends; ASCII ends are handled on the bytes, anything else by
    /// Foundation (so `\u{00A0}` and the like are trimmed as before).
    func trimmingASCIIOrUnicodeSpaces(newlines: Bool) -> String {
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || (newlines && (byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B))
        }
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return self }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = utf8.lastIndex(where: { !isSpace($0) })!
        let trimmed = String(self[start...end])
        guard let head = trimmed.utf8.first, let tail = trimmed.utf8.last, head < 0x80, tail < 0x80 else {
            return trimmed.trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
        }
        return trimmed
    }
}
