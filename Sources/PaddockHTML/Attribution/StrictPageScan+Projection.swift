extension StrictPageScan {
    /// Everything of this page the attribution check reads, as bytes: two pages with the same
    /// projection get the same verdict, so a passing projection need not be checked again.
    ///
    /// The check reads, and the projection holds (raw bytes, lengths first, structure as offsets):
    /// - every `<style>` element's text and every stylesheet `<link>` element;
    /// - every marked element with everything inside it (the link, its logo and their attributes);
    /// - the elements CSS selectors and hiding rules can reach from those: each ancestor, and the
    ///   previous siblings of the marked element and of each ancestor;
    /// - how links resolve from the page's path: its depth, and its folder as well unless every
    ///   stylesheet `href` and every `src` inside a marked element is absolute or climbs to the site's
    ///   root (`../../assets/site.css` from two folders down), since only then does resolving them
    ///   depend on the depth alone.
    ///
    /// Text outside `<style>` and every other element are left out: the check never reads them.
    func attributionProjection(pagePath: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(2048)
        var depth = 0
        for byte in pagePath.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        // Resolving by depth assumes plain folder names (`.`, `..` and empty ones count otherwise).
        var folderMatters = Self.hasUnusualFolder(pagePath)
        Self.append(number: depth, to: &key)
        for style in styles {
            key.append(UInt8(ascii: "S"))
            let element = elements[style]
            Self.append(bytes[Int(element.textStart)..<Int(element.textEnd)], to: &key)
        }
        // Only stylesheet links are read (canonical and alternate links differ from page to page).
        for link in links where attributeIndex(named: "rel", of: link)
            .map({ attributeValue($0).lowercased().split(separator: " ").contains("stylesheet") }) ?? false {
            key.append(UInt8(ascii: "L"))
            appendElement(link, to: &key)
            if let href = attributeIndex(named: "href", of: link), !resolvesByDepth(attributeValue(href), depth: depth) { folderMatters = true }
        }
        for mark in marked {
            key.append(UInt8(ascii: "M"))
            let end = Int(elements[mark].end)
            for index in mark..<end {
                appendElement(index, to: &key)
                Self.append(number: Int(elements[index].parent) - mark, to: &key)
                Self.append(number: Int(elements[index].previous) - mark, to: &key)
                if let src = attributeIndex(named: "src", of: index), !resolvesByDepth(attributeValue(src), depth: depth) { folderMatters = true }
            }
            var current = mark
            while current >= 0 {
                key.append(UInt8(ascii: "A"))
                appendElement(current, to: &key)
                var sibling = Int(elements[current].previous)
                while sibling >= 0 {
                    key.append(UInt8(ascii: "P"))
                    appendElement(sibling, to: &key)
                    sibling = Int(elements[sibling].previous)
                }
                current = Int(elements[current].parent)
            }
        }
        if folderMatters {
            key.append(UInt8(ascii: "F"))
            Self.append(pagePath.utf8[...], to: &key)
        }
        return key
    }

    /// Whether resolving `reference` from a page depends on the page's depth alone: an absolute
    /// URL or path, or a relative one climbing at least `depth` folders (`../` × depth) first.
    private func resolvesByDepth(_ reference: String, depth: Int) -> Bool {
        var reference = reference
        return reference.withUTF8 { bytes in
            guard let first = bytes.first, first > 0x20, let last = bytes.last, last > 0x20 else { return false }
            if first == UInt8(ascii: "/") { return true }
            for byte in bytes {
                if byte == UInt8(ascii: ":") { return true }
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            }
            guard bytes.count >= 3 * depth else { return false }
            for level in 0..<depth where bytes[3 * level] != UInt8(ascii: ".") || bytes[3 * level + 1] != UInt8(ascii: ".")
                || bytes[3 * level + 2] != UInt8(ascii: "/") {
                return false
            }
            return true
        }
    }

    /// A folder of `path` that is empty, `.` or `..` (the file name, after the last `/`, aside).
    private static func hasUnusualFolder(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var segmentStart = 0
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
                let length = index - segmentStart
                if length == 0 { return true }
                if bytes[segmentStart] == UInt8(ascii: "."), length == 1 || (length == 2 && bytes[segmentStart + 1] == UInt8(ascii: ".")) { return true }
                segmentStart = index + 1
            }
            return false
        }
    }

    /// An element's name and attributes, as written.
    private func appendElement(_ index: Int, to key: inout [UInt8]) {
        let element = elements[index]
        Self.append(bytes[Int(element.nameStart)..<Int(element.nameEnd)], to: &key)
        Self.append(number: Int(element.attributeCount), to: &key)
        for attribute in attributes[Int(element.firstAttribute)..<Int(element.firstAttribute + element.attributeCount)] {
            Self.append(bytes[Int(attribute.nameStart)..<Int(attribute.nameEnd)], to: &key)
            Self.append(bytes[Int(attribute.valueStart)..<Int(attribute.valueEnd)], to: &key)
        }
    }

    private static func append<Bytes: Collection<UInt8>>(_ bytes: Bytes, to key: inout [UInt8]) {
        append(number: bytes.count, to: &key)
        key.append(contentsOf: bytes)
    }

    private static func append(number: Int, to key: inout [UInt8]) {
        withUnsafeBytes(of: Int32(truncatingIfNeeded: number).littleEndian) { key.append(contentsOf: $0) }
    }
}
