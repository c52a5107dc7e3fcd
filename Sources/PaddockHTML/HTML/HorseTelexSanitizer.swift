import Foundation

/// Makes the HorseTelex pedigree HTML (from the Equicty API) safe to embed in a page.
///
/// The HTML is parsed with libxml2 and written back from an allow-list (``HTMLAllowList``): tables,
/// text, links, images and basic formatting. Scripts, event handlers, `javascript:` and other
/// non-http URLs, iframes, objects, forms and elements hidden by `hidden` or by hiding styles are
/// dropped. The pedigree's `<style>` rules with simple selectors (``PedigreeStylesheet``) are
/// applied to its elements and, like `style` attributes, kept only for the colours, borders,
/// sizes, spacing and alignment that ``PedigreeStylePolicy`` allows, so the configured HorseTelex
/// colours show; no `<style>` element is written. Every text and attribute is escaped again on
/// the way out.
///
/// ```swift
/// let pedigree = HorseTelexSanitizer.sanitize(horse.horseTelexHTML ?? "")
/// if pedigree.hasHorseTelexLogo { /* embed pedigree.html */ } else { /* built-in pedigree */ }
/// ```
package enum HorseTelexSanitizer {
    /// Deeper markup is dropped (hostile input can nest thousands of levels).
    static let maximumDepth = 128

    /// What the output of ``sanitize(_:)`` depends on besides the input: raise it whenever the
    /// sanitiser writes something else for the same input, so memos of earlier output are dropped.
    package static let outputVersion = 2

    /// Sanitises `html`; never fails and never crashes, whatever the input.
    package static func sanitize(_ html: String) -> SanitizedHTML {
        let document = HTMLDocument(html)
        var writer = SanitizedHTMLWriter()
        if let root = document.root {
            if mentionsStyleElement(html) { writer.stylesheet = stylesheet(of: root) }
            let body = root.children.first { $0.name == "body" }
            for child in (body ?? root).children where child.name != "head" {
                writer.write(child, depth: 0)
            }
        }
        return SanitizedHTML(html: writer.output, hasHorseTelexLogo: writer.sawLogo)
    }

    /// The rules of the `<style>` elements a browser would apply (not those inside dropped
    /// elements such as `<template>` or `<svg>`, nor those for print only), or `nil` without any.
    static func stylesheet(of root: HTMLNode) -> PedigreeStylesheet? {
        var text = ""
        var stack = [root]
        while let node = stack.popLast() {
            guard node.isElement else { continue }
            let name = node.name
            if name == "style" {
                let media = node.attribute("media")?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                let type = node.attribute("type")?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard ["", "all", "screen"].contains(media), ["", "text/css"].contains(type) else { continue }
                for child in node.children where child.isText { text += child.text }
                text += "\n"
                continue
            }
            if name != "head" && name != "html", case .drop = HTMLAllowList.treatment(of: name) { continue }
            stack.append(contentsOf: node.children.reversed())
        }
        let sheet = PedigreeStylesheet(text)
        return sheet.isEmpty ? nil : sheet
    }

    /// Whether `html` has `<style` in any case (most pedigrees have none, and skip the walk).
    static func mentionsStyleElement(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            let name = Array("style".utf8)
            var index = 0
            while index < bytes.count {
                guard let base = bytes.baseAddress, let hit = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index) else { return false }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 5 < bytes.count, (0..<5).allSatisfy({ bytes[at + 1 + $0] | 0x20 == name[$0] }) { return true }
                index = at + 1
            }
            return false
        }
    }

    /// A URL for `href` (http, https, mailto, in-page `#`) or `src` (http, https, raster `data:` images).
    static func safeURL(_ raw: String, forImage: Bool) -> String? {
        isPlainWebURL(raw) ? raw : checkedURL(raw, forImage: forImage)
    }

    /// The general case of ``safeURL(_:forImage:)``: cleaned of controls and invisible characters,
    /// then parsed by Foundation.
    static func checkedURL(_ raw: String, forImage: Bool) -> String? {
        let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter {
            $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && $0 != "\u{200B}" && $0 != "\u{FEFF}"
        }))
        guard !cleaned.isEmpty else { return nil }
        let lower = cleaned.lowercased()
        if forImage {
            for type in ["png", "gif", "jpeg", "jpg", "webp"] where lower.hasPrefix("data:image/\(type);base64,") {
                return lower.dropFirst(("data:image/\(type);base64,").count).allSatisfy({ $0.isLetter || $0.isNumber || "+/=".contains($0) }) ? cleaned : nil
            }
        } else if lower.hasPrefix("#") {
            return cleaned
        } else if lower.hasPrefix("mailto:") {
            return cleaned
        }
        if lower.hasPrefix("//") { return checkedURL("https:" + cleaned, forImage: forImage) }
        guard let url = URL(string: cleaned), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else { return nil }
        return cleaned
    }

    /// An `http` or `https` URL that ``checkedURL(_:forImage:)`` certainly returns unchanged, told
    /// from its bytes alone (pedigrees carry a few links and logos each; Foundation's parser was
    /// a fifth of sanitising one): printable ASCII only, a host of letters, digits, dots and hyphens
    /// starting and ending with a letter or digit (no user or IPv6 literal), an optional port of 1
    /// to 5 digits up to 65535, and after it only
    /// the characters RFC 3986 allows in a path, query and fragment, with `%` before two hex digits
    /// and at most one `#`. Anything else takes the general route.
    static func isPlainWebURL(_ raw: String) -> Bool {
        var raw = raw
        return raw.withUTF8 { bytes in
            let schemeLength: Int
            if hasPrefixIgnoringCase(bytes, "https://") { schemeLength = 8 }
            else if hasPrefixIgnoringCase(bytes, "http://") { schemeLength = 7 }
            else { return false }
            var index = schemeLength
            while index < bytes.count, isHostByte(bytes[index]) { index += 1 }
            guard index > schemeLength, isAlphanumeric(bytes[schemeLength]), isAlphanumeric(bytes[index - 1]) else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                // A port: 1 to 5 digits, at most 65535.
                var port = 0, digits = 0
                index += 1
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    port = port * 10 + Int(bytes[index] - 0x30); digits += 1; index += 1
                    guard digits <= 5 else { return false }
                }
                guard digits > 0, port <= 65_535 else { return false }
            }
            guard index == bytes.count || bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "#") else { return false }
            var sawFragment = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "%") {
                    guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
                    index += 3; continue
                }
                if byte == UInt8(ascii: "#") {
                    if sawFragment { return false }
                    sawFragment = true
                } else if !isAlphanumeric(byte) && !plainURLPunctuation.contains(byte) {
                    return false
                }
                index += 1
            }
            return true
        }
    }

    /// RFC 3986's unreserved and sub-delimiter characters but letters and digits, and `: @ / ?`.
    private static let plainURLPunctuation = Set("-._~!$&'()*+,;=:@/?".utf8)

    private static func hasPrefixIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        return (0..<prefix.utf8CodeUnitCount).allSatisfy { index in
            let byte = bytes[index]
            return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == prefix.utf8Start[index]
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func isHostByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }

    /// The declarations of a `style` attribute that are allowed, re-joined, or `nil` when none is.
    static func safeStyle(_ style: String, onImage: Bool = false) -> String? { safeStyle(CSSDeclarations(style), onImage: onImage) }

    /// The ones of `declarations` (a `style` attribute, after the stylesheet rules that match its
    /// element) that ``PedigreeStylePolicy`` keeps, re-joined, or `nil`. Of a property declared
    /// twice only the last stays: it overrides the earlier one whatever lies between them.
    static func safeStyle(_ declarations: CSSDeclarations, onImage: Bool = false) -> String? {
        let kept = declarations.entries.filter { PedigreeStylePolicy.keeps($0.property, $0.value, onImage: onImage) }
        var result = ""
        for (index, entry) in kept.enumerated() where !kept[(index + 1)...].contains(where: { $0.property == entry.property }) {
            if !result.isEmpty { result += "; " }
            result += entry.property
            result += ": "
            result += entry.value
        }
        return result.isEmpty ? nil : result
    }

    private static let bannedInStyles = ["url(", "expression", "javascript", "\\", "<", "@", "/*", "behavior", "binding", "var(", "attr(", "image"]
        .map { Array($0.utf8) }

    /// A (lower-cased) style value made only of letters, digits and ` #%.,-()+'`, with nothing that
    /// loads, scripts or escapes.
    static func isSafeStyleValue(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            if bannedInStyles.contains(where: { ByteSearch.contains(bytes, $0) }) { return false }
            var ascii = true
            for byte in bytes {
                if byte >= 0x80 { ascii = false; continue }
                if !isAlphanumeric(byte) && !allowedStylePunctuation.contains(byte) { return false }
            }
            // Non-ASCII letters and digits are allowed as well (as Characters).
            return ascii || String(decoding: bytes, as: UTF8.self).allSatisfy { $0.isLetter || $0.isNumber || " #%.,-()+'".contains($0) }
        }
    }

    private static let allowedStylePunctuation = Set(" #%.,-()+'".utf8)
}
