/// Which CSS declarations of a HorseTelex pedigree are kept, from its `style` attributes and its
/// `<style>` rules alike: colours, borders, sizes, spacing, alignment and font weight, style and
/// size, each with a value of a small grammar of its own.
///
/// Anything that loads (`url()`, `image-set()`), runs (`expression`, `behavior`, `-moz-binding`),
/// escapes (`\`), positions (`position`, `z-index`, `transform`), hides (`display`, `visibility`,
/// `opacity`, `color: transparent`, a 1-pixel image, a 2-pixel font) or covers (negative margins,
/// sizes past a screen) is dropped: the HorseTelex logo and text must stay visible, and nothing
/// may move over the page around the pedigree.
enum PedigreeStylePolicy {
    /// The properties kept (`border-*` is spelt out).
    static let properties: Set<String> = [
        "color", "background-color",
        "border", "border-top", "border-right", "border-bottom", "border-left",
        "border-color", "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
        "border-style", "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
        "border-width", "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
        "border-collapse", "border-spacing", "border-radius",
        "width", "min-width", "max-width", "height",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "text-align", "vertical-align", "font-weight", "font-style", "font-size", "white-space",
    ]

    /// Whether `property: value` (lower case, trimmed, without `!important`) is kept on an element;
    /// `onImage` for `<img>`, whose sizes must leave the logo visible.
    static func keeps(_ property: String, _ value: String, onImage: Bool = false) -> Bool {
        guard properties.contains(property), !value.isEmpty, value.utf8.count <= 120,
              HorseTelexSanitizer.isSafeStyleValue(value) else { return false }
        guard let tokens = parts(of: value) else { return false }
        if tokens.count == 1, ["inherit", "initial", "unset"].contains(tokens[0]) { return true }
        switch property {
        case "color":
            return tokens.count == 1 && tokens[0] != "transparent" && isColor(tokens[0])
        case "background-color", "border-top-color", "border-right-color", "border-bottom-color", "border-left-color":
            return tokens.count == 1 && isColor(tokens[0])
        case "border-color":
            return (1...4).contains(tokens.count) && tokens.allSatisfy(isColor)
        case "border", "border-top", "border-right", "border-bottom", "border-left":
            return isBorder(tokens)
        case "border-style":
            return (1...4).contains(tokens.count) && tokens.allSatisfy(borderStyles.contains)
        case "border-top-style", "border-right-style", "border-bottom-style", "border-left-style":
            return tokens.count == 1 && borderStyles.contains(tokens[0])
        case "border-width":
            return (1...4).contains(tokens.count) && tokens.allSatisfy(isBorderWidth)
        case "border-top-width", "border-right-width", "border-bottom-width", "border-left-width":
            return tokens.count == 1 && isBorderWidth(tokens[0])
        case "border-collapse":
            return value == "collapse" || value == "separate"
        case "border-spacing":
            return (1...2).contains(tokens.count) && tokens.allSatisfy { isLength($0) }
        case "border-radius":
            return (1...4).contains(tokens.count) && tokens.allSatisfy { isLength($0) }
        case "width", "min-width", "height":
            return tokens.count == 1 && (tokens[0] == "auto" || isLength(tokens[0], minimumPixels: onImage ? 16 : 0))
        case "max-width":
            return tokens.count == 1 && (tokens[0] == "none" || isLength(tokens[0], minimumPixels: onImage ? 16 : 0))
        case "padding":
            return (1...4).contains(tokens.count) && tokens.allSatisfy { isLength($0) }
        case "padding-top", "padding-right", "padding-bottom", "padding-left":
            return tokens.count == 1 && isLength(tokens[0])
        case "margin":
            return (1...4).contains(tokens.count) && tokens.allSatisfy { $0 == "auto" || isLength($0) }
        case "margin-top", "margin-right", "margin-bottom", "margin-left":
            return tokens.count == 1 && (tokens[0] == "auto" || isLength(tokens[0]))
        case "text-align":
            return ["left", "right", "center", "justify", "start", "end"].contains(value)
        case "vertical-align":
            return ["top", "middle", "bottom", "baseline", "text-top", "text-bottom", "sub", "super"].contains(value)
        case "font-weight":
            return ["normal", "bold", "bolder", "lighter", "100", "200", "300", "400", "500", "600", "700", "800", "900"].contains(value)
        case "font-style":
            return ["normal", "italic", "oblique"].contains(value)
        case "font-size":
            return fontSizeKeywords.contains(value) || isLength(value, minimumPixels: 8, maximumPixels: 72, percentOf: 16, requiresUnit: true)
        case "white-space":
            return ["normal", "nowrap", "pre", "pre-wrap", "pre-line", "break-spaces"].contains(value)
        default:
            return false
        }
    }

    static let borderStyles: Set<String> = ["none", "hidden", "solid", "dashed", "dotted", "double", "groove", "ridge", "inset", "outset"]
    static let fontSizeKeywords: Set<String> = ["xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "smaller", "larger"]

    /// `1px solid #ccc`, in any order: at most one width, one style and one colour.
    static func isBorder(_ parts: [String]) -> Bool {
        guard (1...3).contains(parts.count) else { return false }
        var width = 0, style = 0, color = 0
        for part in parts {
            if borderStyles.contains(part) { style += 1 }
            else if isBorderWidth(part) { width += 1 }
            else if isColor(part) { color += 1 }
            else { return false }
        }
        return width <= 1 && style <= 1 && color <= 1
    }

    static func isBorderWidth(_ token: String) -> Bool {
        ["thin", "medium", "thick"].contains(token) || isLength(token, maximumPixels: 40)
    }

    /// `#abc`, `#aabbcc`, a named colour, or `rgb()`/`hsl()` of three components (no alpha: a
    /// see-through colour is a way to hide).
    static func isColor(_ token: String) -> Bool {
        if token.hasPrefix("#") {
            let hex = token.dropFirst()
            return (hex.count == 3 || hex.count == 6) && hex.allSatisfy(\.isHexDigit)
        }
        for function in ["rgb(", "hsl("] where token.hasPrefix(function) && token.hasSuffix(")") {
            let inner = token.dropFirst(4).dropLast()
            let components = inner.split(whereSeparator: { $0 == "," || $0 == " " })
            return components.count == 3 && components.allSatisfy { component in
                let number = component.hasSuffix("%") ? component.dropLast() : component.hasSuffix("deg") ? component.dropLast(3) : component
                return !number.isEmpty && number.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && Double(number) != nil
            }
        }
        // A named colour (`navy`, `currentcolor`, `transparent`): letters only.
        return (3...20).contains(token.count) && token.allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// The space-separated parts of a value, with `rgb(1, 2, 3)` kept as one part; `nil` for
    /// unbalanced parentheses.
    static func parts(of value: String) -> [String]? {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in value {
            switch character {
            case "(": depth += 1; current.append(character)
            case ")":
                depth -= 1
                guard depth >= 0 else { return nil }
                current.append(character)
            case " " where depth == 0:
                if !current.isEmpty { parts.append(current); current = "" }
            default: current.append(character)
            }
        }
        guard depth == 0 else { return nil }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// A length that is not negative and not beyond a screen: `0`, `12px`, `1.5em`, `50%` …
    /// - Parameters:
    ///   - minimumPixels: a non-zero smallest size, in pixels (or the equivalent); zero then fails.
    ///   - maximumPixels: the largest size.
    ///   - percentOf: what 100% is read as, in pixels (a box 1000 px wide; a 16 px font).
    ///   - requiresUnit: `0` without a unit is refused too.
    static func isLength(_ token: String, minimumPixels: Double = 0, maximumPixels: Double = 2000,
                         percentOf: Double = 1000, requiresUnit: Bool = false) -> Bool {
        let digits = token.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !digits.isEmpty, digits.filter({ $0 == "." }).count <= 1, let number = Double(digits) else { return false }
        let unit = token.dropFirst(digits.count)
        let pixels: Double
        switch unit {
        case "": guard number == 0, !requiresUnit else { return false }; pixels = 0
        case "px": pixels = number
        case "pt": pixels = number * 4 / 3
        case "em", "rem": pixels = number * 16
        case "ex", "ch": pixels = number * 8
        case "%": pixels = number * percentOf / 100
        case "vw", "vh": pixels = number * 10; guard number <= 100 else { return false }
        default: return false
        }
        return pixels >= minimumPixels && pixels <= maximumPixels
    }
}
