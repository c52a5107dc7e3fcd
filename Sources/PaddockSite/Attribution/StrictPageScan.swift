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
        let found: Scanner.Found? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(bytes: buffer, marker: markerBytes)
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

/// The scanning itself, over the page's bytes.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let marker: [UInt8]
    var position = 0
    /// An element whose end tag has not come yet.
    struct OpenElement {
        var index: Int
        var tag: StrictPageScan.KnownTag
        var nameStart: Int, nameEnd: Int
        /// The last child element so far (the next one's previous sibling), or -1.
        var lastChild: Int32 = -1
    }
    /// Innermost last.
    var open: [OpenElement] = []
    var sawHTML = false, sawHead = false, sawBody = false, closedBody = false, closedHTML = false
    var openParagraphs = 0, openLinks = 0
    // What the scan found (moved into the StrictPageScan at the end).
    var elements: [StrictPageScan.Element] = []
    var attributes: [StrictPageScan.Attribute] = []
    var marked: [Int] = [], styles: [Int] = [], links: [Int] = []

    struct Found {
        var elements: [StrictPageScan.Element]
        var attributes: [StrictPageScan.Attribute]
        var marked: [Int], styles: [Int], links: [Int]
    }

    var found: Found { Found(elements: elements, attributes: attributes, marked: marked, styles: styles, links: links) }

    init(bytes: UnsafeBufferPointer<UInt8>, marker: [UInt8]) {
        self.bytes = bytes
        self.marker = marker
        open.reserveCapacity(64)
        elements.reserveCapacity(256); attributes.reserveCapacity(512)
    }

    mutating func run() -> Bool {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        while position < bytes.count {
            let textStart = position
            while position < bytes.count, bytes[position] != UInt8(ascii: "<") {
                if bytes[position] == 0 { return false }
                position += 1
            }
            if position > textStart, !textAllowed(textStart..<position) { return false }
            guard position < bytes.count else { break }
            guard position + 1 < bytes.count else { return false }
            let next = bytes[position + 1]
            if next == UInt8(ascii: "!") {
                guard skipCommentOrDoctype() else { return false }
            } else if next == UInt8(ascii: "/") {
                guard endTag() else { return false }
            } else if isLetter(next) {
                guard startTag() else { return false }
            } else {
                // `<` followed by anything else is text ("a < b"), also for browsers; `<?` is not.
                if next == UInt8(ascii: "?") { return false }
                position += 1
                if !textAllowed(position - 1..<position) { return false }
            }
        }
        return sawHTML && sawHead && sawBody && closedBody && closedHTML && open.isEmpty
    }

    // MARK: Text

    /// Text is fine inside elements of the body; elsewhere (before `<html>`, in `<head>`, between
    /// table parts, after `</body>`) only white space is.
    func textAllowed(_ range: Range<Int>) -> Bool {
        if sawBody, !closedBody, let current = open.last?.tag, current != .html, current != .head, !current.isTableContainer {
            return true
        }
        for index in range where !isSpace(bytes[index]) { return false }
        return true
    }

    // MARK: Comments and doctype

    mutating func skipCommentOrDoctype() -> Bool {
        if matches("<!--", at: position) {
            guard let end = find("-->", from: position + 4) else { return false }
            position = end + 3
            return true
        }
        guard !sawHTML, matchesCaseInsensitive("<!doctype", at: position) else { return false }
        guard let end = find(">", from: position) else { return false }
        position = end + 1
        return true
    }

    // MARK: End tags

    mutating func endTag() -> Bool {
        var index = position + 2
        guard index < bytes.count, isLetter(bytes[index]) else { return false }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        let nameEnd = index
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return false }
        position = index + 1
        guard let current = open.last, equalIgnoringCase(current.nameStart..<current.nameEnd, nameStart..<nameEnd) else { return false }
        close()
        if current.tag == .body { closedBody = true }
        if current.tag == .html { closedHTML = true }
        return true
    }

    mutating func close() {
        let closed = open.removeLast()
        if closed.tag == .p { openParagraphs -= 1 }
        if closed.tag == .a { openLinks -= 1 }
        elements[closed.index].end = Int32(elements.count)
    }

    // MARK: Start tags

    mutating func startTag() -> Bool {
        var index = position + 1
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index < bytes.count else { return false }
        let nameEnd = index
        let info = tagInfo(nameStart..<nameEnd)
        let rules = info.rules, tag = info.tag
        guard fits(tag, rules) else { return false }

        // Attributes.
        let firstAttribute = attributes.count
        var isMarked = false
        var selfClosing = false
        while true {
            let spaceStart = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { index += 1; break }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { return false }
                selfClosing = true
                index += 2
                break
            }
            guard index > spaceStart else { return false }   // attributes are separated by white space
            let attributeNameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                  bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "=") {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<") || b >= 0x80 || b < 0x20 { return false }
                index += 1
            }
            let attributeNameEnd = index
            guard attributeNameEnd > attributeNameStart else { return false }
            var valueStart = index, valueEnd = index
            var probe = index
            while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "=") {
                probe += 1
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < bytes.count else { return false }
                let quote = bytes[probe]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = probe + 1
                    var end = valueStart
                    while end < bytes.count, bytes[end] != quote { if bytes[end] == 0 { return false }; end += 1 }
                    guard end < bytes.count else { return false }
                    valueEnd = end
                    index = end + 1
                    guard index < bytes.count else { return false }
                    let after = bytes[index]
                    guard isSpace(after) || after == UInt8(ascii: ">") || after == UInt8(ascii: "/") else { return false }
                } else {
                    valueStart = probe
                    var end = probe
                    while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") {
                        let b = bytes[end]
                        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<") || b == UInt8(ascii: "=")
                            || b == UInt8(ascii: "`") || b == 0 { return false }
                        end += 1
                    }
                    guard end > probe else { return false }
                    valueEnd = end
                    index = end
                }
            } else {
                index = attributeNameEnd
            }
            var hasReferences = false
            if valueEnd > valueStart, memchr(bytes.baseAddress! + valueStart, Int32(UInt8(ascii: "&")), valueEnd - valueStart) != nil {
                guard CharacterReferences.areCommon(bytes[valueStart..<valueEnd]) else { return false }
                hasReferences = true
            }
            // No duplicate attribute names (browsers keep the first, which the check would have to mirror).
            for other in firstAttribute..<attributes.count {
                let existing = attributes[other]
                if equalIgnoringCase(Int(existing.nameStart)..<Int(existing.nameEnd), attributeNameStart..<attributeNameEnd) { return false }
            }
            if equalIgnoringCase(attributeNameStart..<attributeNameEnd, marker) { isMarked = true }
            attributes.append(.init(nameStart: Int32(attributeNameStart), nameEnd: Int32(attributeNameEnd),
                                       valueStart: Int32(valueStart), valueEnd: Int32(valueEnd), hasReferences: hasReferences))
        }
        position = index
        if selfClosing && !rules.contains(.void) { return false }   // `<div/>` opens a div in browsers

        let parent = open.last.map { Int32($0.index) } ?? -1
        let previous = open.last?.lastChild ?? -1
        let element = elements.count
        elements.append(.init(nameStart: Int32(nameStart), nameEnd: Int32(nameEnd), parent: parent, previous: previous, end: 0, firstAttribute: Int32(firstAttribute),
                              attributeCount: Int32(attributes.count - firstAttribute)))
        if !open.isEmpty { open[open.count - 1].lastChild = Int32(element) }
        if isMarked { marked.append(element) }
        switch tag {
        case .style: styles.append(element)
        case .link: links.append(element)
        case .html: sawHTML = true
        case .head: sawHead = true
        case .body: sawBody = true
        default: break
        }

        if rules.contains(.void) {
            elements[element].end = Int32(elements.count)
            return true
        }
        open.append(OpenElement(index: element, tag: tag, nameStart: nameStart, nameEnd: nameEnd))
        if tag == .p { openParagraphs += 1 }
        if tag == .a { openLinks += 1 }
        if rules.contains(.rawText) || rules.contains(.escapableRawText) {
            // Everything up to the matching end tag is text.
            guard let end = findEndTag(nameStart..<nameEnd, from: position) else { return false }
            if rules.contains(.rawText), find("<!--", from: position, before: end) != nil { return false }
            if rules.contains(.escapableRawText), memchr(bytes.baseAddress! + position, Int32(UInt8(ascii: "&")), end - position) != nil,
               !CharacterReferences.areCommon(bytes[position..<end]) { return false }
            if tag == .style { elements[element].textStart = Int32(position); elements[element].textEnd = Int32(end) }
            position = end
        }
        return true
    }

    /// Whether a start tag may open here without a browser closing, moving or dropping something.
    func fits(_ tag: StrictPageScan.KnownTag, _ rules: StrictPageScan.TagRules) -> Bool {
        if rules.contains(.unsupported) || closedBody { return false }
        guard let parent = open.last?.tag else { return tag == .html && !sawHTML }
        switch tag {
        case .html: return false
        case .head: return parent == .html && !sawHead
        case .body: return parent == .html && sawHead && !sawBody
        default: break
        }
        if parent == .html { return false }
        if parent == .head { return rules.contains(.headContent) }
        if !sawBody { return false }
        if parent.isTableContainer, !StrictPageScan.allowsInTable(parent: parent, child: tag, rules: rules) { return false }
        if rules.contains(.tablePart), !StrictPageScan.tablePartFits(tag, in: parent) { return false }
        if openParagraphs > 0, rules.contains(.closesParagraph) { return false }
        if tag == .a, openLinks > 0 { return false }
        if rules.contains(.heading), let current = open.last, isHeading(current) { return false }
        if closesAnOpenItem(tag) { return false }
        return true
    }

    func isHeading(_ element: OpenElement) -> Bool {
        guard element.nameEnd - element.nameStart == 2 else { return false }
        let first = asciiLowercase(bytes[element.nameStart]), second = bytes[element.nameStart + 1]
        return first == UInt8(ascii: "h") && second >= UInt8(ascii: "1") && second <= UInt8(ascii: "6")
    }

    /// An `li` with an `li` open in the same list, `dd`/`dt` with one open in the same `dl`, a
    /// `form` in a form or a `button` in a button: a browser would close the open one first.
    func closesAnOpenItem(_ tag: StrictPageScan.KnownTag) -> Bool {
        switch tag {
        case .li:
            for element in open.reversed() {
                if element.tag == .ul || element.tag == .ol || element.tag == .menu { return false }
                if element.tag == .li { return true }
            }
        case .dd, .dt:
            for element in open.reversed() {
                if element.tag == .dl { return false }
                if element.tag == .dd || element.tag == .dt { return true }
            }
        case .form, .button:
            return open.contains { $0.tag == tag }
        default:
            break
        }
        return false
    }

    // MARK: Bytes

    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    func isNameByte(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") }
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// What the scan knows of the element named by the bytes at `range`: names of up to 8 bytes
    /// are looked up as one packed integer, without making a String.
    func tagInfo(_ range: Range<Int>) -> StrictPageScan.TagInfo {
        let plain = StrictPageScan.TagInfo(tag: .other, rules: [])
        guard range.count <= 8 else { return StrictPageScan.tags[lowercasedName(range)] ?? plain }
        var key: UInt64 = 0
        for index in range { key = key << 8 | UInt64(asciiLowercase(bytes[index])) }
        return StrictPageScan.tagsByKey[key] ?? plain
    }

    func lowercasedName(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for (offset, index) in range.enumerated() {
                let byte = bytes[index]
                buffer[offset] = asciiLowercase(byte)
            }
            return range.count
        }
    }

    func equalIgnoringCase(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where asciiLowercase(bytes[a.lowerBound + offset]) != asciiLowercase(bytes[b.lowerBound + offset]) { return false }
        return true
    }

    /// `range` equals `lower` (a lower-case ASCII name), ignoring case.
    func equalIgnoringCase(_ range: Range<Int>, _ lower: [UInt8]) -> Bool {
        guard range.count == lower.count else { return false }
        for offset in 0..<lower.count where asciiLowercase(bytes[range.lowerBound + offset]) != lower[offset] { return false }
        return true
    }

    func matches(_ text: StaticString, at index: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return memcmp(bytes.baseAddress! + index, text.utf8Start, count) == 0
    }

    func matchesCaseInsensitive(_ lower: StaticString, at index: Int) -> Bool {
        let count = lower.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count {
            let byte = bytes[index + offset]
            if asciiLowercase(byte) != lower.utf8Start[offset] { return false }
        }
        return true
    }

    func find(_ text: StaticString, from start: Int, before limit: Int? = nil) -> Int? {
        let end = limit ?? bytes.count
        let count = text.utf8CodeUnitCount
        var index = start
        while index + count <= end {
            guard let hit = memchr(bytes.baseAddress! + index, Int32(text.utf8Start[0]), end - index) else { return nil }
            let offset = bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if offset + count <= end, memcmp(bytes.baseAddress! + offset, text.utf8Start, count) == 0 { return offset }
            index = offset + 1
        }
        return nil
    }

    /// Where `</name` (the element name at `name`, any case) followed by white space, `/` or `>`
    /// starts, from `start`.
    func findEndTag(_ name: Range<Int>, from start: Int) -> Int? {
        var index = start
        while let hit = find("</", from: index) {
            let nameStart = hit + 2
            if nameStart + name.count < bytes.count, equalIgnoringCase(nameStart..<nameStart + name.count, name) {
                let after = bytes[nameStart + name.count]
                if isSpace(after) || after == UInt8(ascii: ">") || after == UInt8(ascii: "/") { return hit }
            }
            index = hit + 2
        }
        return nil
    }
}

/// `A`–`Z` to `a`–`z`; every other byte as it is.
@inline(__always)
func asciiLowercase(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte }
