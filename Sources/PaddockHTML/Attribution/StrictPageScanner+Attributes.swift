import Foundation

extension StrictPageScanner {
    /// Reads a start tag's attributes from `index` (just past the name) through its `>`, adding
    /// them to ``attributes``.
    /// - Returns: whether one is the marker attribute and whether the tag ended with `/>`; `nil`
    ///   for attributes the scan does not read strictly (unquoted oddities, duplicates, rare
    ///   character references).
    mutating func readAttributes(from index: inout Int) -> (isMarked: Bool, selfClosing: Bool)? {
        let firstAttribute = attributes.count
        var isMarked = false
        var selfClosing = false
        while true {
            let spaceStart = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { index += 1; break }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") else { return nil }
                selfClosing = true
                index += 2
                break
            }
            guard index > spaceStart else { return nil }   // attributes are separated by white space
            let attributeNameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                  bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: "=") {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<") || b >= 0x80 || b < 0x20 { return nil }
                index += 1
            }
            let attributeNameEnd = index
            guard attributeNameEnd > attributeNameStart else { return nil }
            var valueStart = index, valueEnd = index
            var probe = index
            while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "=") {
                probe += 1
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < bytes.count else { return nil }
                let quote = bytes[probe]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = probe + 1
                    // The closing quote, then no NUL before it (memchr: values are often long URLs).
                    let base = bytes.baseAddress!
                    guard let found = memchr(base + valueStart, Int32(quote), bytes.count - valueStart) else { return nil }
                    let end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                    if memchr(base + valueStart, 0, end - valueStart) != nil { return nil }
                    valueEnd = end
                    index = end + 1
                    guard index < bytes.count else { return nil }
                    let after = bytes[index]
                    guard isSpace(after) || after == UInt8(ascii: ">") || after == UInt8(ascii: "/") else { return nil }
                } else {
                    valueStart = probe
                    var end = probe
                    while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") {
                        let b = bytes[end]
                        if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<") || b == UInt8(ascii: "=")
                            || b == UInt8(ascii: "`") || b == 0 { return nil }
                        end += 1
                    }
                    guard end > probe else { return nil }
                    valueEnd = end
                    index = end
                }
            } else {
                index = attributeNameEnd
            }
            var hasReferences = false
            if valueEnd > valueStart, memchr(bytes.baseAddress! + valueStart, Int32(UInt8(ascii: "&")), valueEnd - valueStart) != nil {
                guard CharacterReferences.areCommon(bytes[valueStart..<valueEnd]) else { return nil }
                hasReferences = true
            }
            // No duplicate attribute names (browsers keep the first, which the check would have to mirror).
            for other in firstAttribute..<attributes.count {
                let existing = attributes[other]
                if equalIgnoringCase(Int(existing.nameStart)..<Int(existing.nameEnd), attributeNameStart..<attributeNameEnd) { return nil }
            }
            if equalIgnoringCase(attributeNameStart..<attributeNameEnd, marker) { isMarked = true }
            attributes.append(.init(nameStart: Int32(attributeNameStart), nameEnd: Int32(attributeNameEnd),
                                       valueStart: Int32(valueStart), valueEnd: Int32(valueEnd), hasReferences: hasReferences))
        }
        return (isMarked, selfClosing)
    }
}
