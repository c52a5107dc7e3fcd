import Foundation

/// A page's elements read by a strict, fast scanner, for the attribution check.
///
/// It reads only markup that leaves no room for interpretation: a doctype, then `<html>` with an
/// explicit `<head>…</head>` and `<body>…</body>`; every element closed by its own end tag (or
/// void), nested as written; nothing a browser would move, close or reopen on its own (no block
/// element inside an open `<p>`, no `<li>` in an open `<li>`, no heading in a heading, no link in
/// a link, tables made of their proper parts with no text between them), no foreign, inert or
/// re-parsed content (`svg`, `template`, `noscript`, `select`…), quoted or plain attribute
/// values without duplicates, and only the common character references. On such a page the tree
/// is the one a browser builds, and the same as libxml2's. Anything else makes `init` return
/// `nil`, and the checker parses the page with libxml2 instead (``HTMLDocument``).
///
/// The default theme's pages all pass, so the check costs one pass over the bytes per page
/// instead of a full parse.
final class StrictPageScan {
    struct Element {
        /// The element name's bytes in the page (its String is made only when asked for).
        var nameStart: Int32, nameEnd: Int32
        var parent: Int32
        var previous: Int32
        /// One past the index of the last element inside this one.
        var end: Int32
        var firstAttribute: Int32
        var attributeCount: Int32
        /// The raw text of a `<style>` element (byte offsets).
        var textStart: Int32 = 0
        var textEnd: Int32 = 0
    }

    struct Attribute {
        var nameStart: Int32, nameEnd: Int32
        var valueStart: Int32, valueEnd: Int32
        /// The value holds character references to decode.
        var hasReferences: Bool
    }

    let bytes: [UInt8]
    private(set) var elements: [Element] = []
    private(set) var attributes: [Attribute] = []
    /// Elements carrying the marker attribute, `<style>` elements and `<link>` elements.
    private(set) var marked: [Int] = []
    private(set) var styles: [Int] = []
    private(set) var links: [Int] = []

    /// Scans `bytes`; `nil` when the page is not strict enough to be read this way.
    /// - Parameter marker: the attribute (lower case) whose elements are collected in ``marked``.
    init?(bytes: [UInt8], marker: String) {
        self.bytes = bytes
        let markerBytes = Array(marker.utf8)
        // Only what the scanner found leaves the closure, never its pointer into `bytes`.
        let found: StrictPageScanner.Found? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = StrictPageScanner(bytes: buffer, marker: markerBytes)
            return scanner.run() ? scanner.found : nil
        }
        guard let found else { return nil }
        elements = found.elements; attributes = found.attributes
        marked = found.marked; styles = found.styles; links = found.links
    }

    /// The lower-case name of `element`.
    func name(of element: Int) -> String {
        let element = elements[element]
        return String(decoding: bytes[Int(element.nameStart)..<Int(element.nameEnd)], as: UTF8.self).lowercased()
    }

    func attributeName(_ index: Int) -> String {
        let attribute = attributes[index]
        return String(decoding: bytes[Int(attribute.nameStart)..<Int(attribute.nameEnd)], as: UTF8.self).lowercased()
    }

    /// The first attribute of `element` called `name` (lower case), compared on the bytes.
    func attributeIndex(named name: String, of element: Int) -> Int? {
        let element = elements[element]
        var name = name
        return name.withUTF8 { wanted in
            for index in Int(element.firstAttribute)..<Int(element.firstAttribute + element.attributeCount) {
                let attribute = attributes[index]
                guard Int(attribute.nameEnd - attribute.nameStart) == wanted.count else { continue }
                var same = true
                for offset in 0..<wanted.count where asciiLowercase(bytes[Int(attribute.nameStart) + offset]) != asciiLowercase(wanted[offset]) {
                    same = false
                    break
                }
                if same { return index }
            }
            return nil
        }
    }

    func attributeValue(_ index: Int) -> String {
        let attribute = attributes[index]
        let raw = bytes[Int(attribute.valueStart)..<Int(attribute.valueEnd)]
        guard attribute.hasReferences else { return String(decoding: raw, as: UTF8.self) }
        return CharacterReferences.decode(raw) ?? String(decoding: raw, as: UTF8.self)
    }

    /// The text of a `<style>` element.
    func text(of element: Int) -> String {
        let element = elements[element]
        return String(decoding: bytes[Int(element.textStart)..<Int(element.textEnd)], as: UTF8.self)
    }

}

/// `A`–`Z` to `a`–`z`; every other byte as it is.
@inline(__always)
func asciiLowercase(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }
