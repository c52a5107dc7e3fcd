import Foundation

/// The declarations of one CSS block or `style` attribute (`color: red; display: none`).
///
/// Property names are lower-cased; values are trimmed, lower-cased and stripped of `!important`.
struct CSSDeclarations {
    private(set) var entries: [(property: String, value: String)] = []

    init(_ text: String) {
        for part in text.split(separator: ";") {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let property = part[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            var value = part[part.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if let bang = value.range(of: "!important") { value = value[..<bang.lowerBound].trimmingCharacters(in: .whitespaces) }
            guard !property.isEmpty else { continue }
            entries.append((property, value))
        }
    }

    func value(of property: String) -> String? { entries.last { $0.property == property }?.value }

    /// The first declaration that hides the element it applies to, as `property:value`, or `nil`.
    ///
    /// - Parameter sizeCounts: zero `width`/`height` hide the element itself; on an ancestor they
    ///   hide it only together with `overflow: hidden`.
    func hidingDeclaration(sizeCounts: Bool = true) -> String? {
        for (property, value) in entries {
            let compact = value.replacingOccurrences(of: " ", with: "")
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
