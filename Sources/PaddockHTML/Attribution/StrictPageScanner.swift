import Foundation

/// The scanning behind ``StrictPageScan``, over the page's bytes: one pass, giving up (`false`)
/// at the first markup it does not read strictly.
struct StrictPageScanner {
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

        let firstAttribute = attributes.count
        guard let (isMarked, selfClosing) = readAttributes(from: &index) else { return false }
        position = index
        if selfClosing && !rules.contains(.void) { return false }   // `<div/>` opens a div in browsers
        if rules.contains(.onlyEmpty), findEndTag(nameStart..<nameEnd, from: position) != position { return false }

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
}
