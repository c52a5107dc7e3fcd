/// A tag as the lexer found it.
struct Tag {
    /// `#`, `^`, `/`, `!`, `=`, `>`, `<`, `$`, `&`, `{`, or `nil` for a plain variable.
    var sigil: UInt8?
    /// The tag's content without delimiters, sigil and surrounding whitespace.
    var content: String
    /// Byte offsets of the whole tag, delimiters included.
    var start: Int
    var end: Int
    /// Delimiters in force after this tag.
    var delimiters: Delimiters
    /// The tag stands alone on its line: that line's whitespace and line break are not output.
    var standalone = false
    /// The whitespace before the tag on its line, when the tag is standalone.
    var indentation: [UInt8] = []
    /// The line's bytes before the tag, when they are all spaces and tabs (for inline blocks).
    var whitespacePrefix: [UInt8]?
    /// For a closing tag: the sigil of the tag it closes, when it matches the innermost open one.
    var closes: UInt8?

    /// Tags of inheritance: parents and blocks, and the closing tags of either.
    var isInheritanceTag: Bool {
        sigil == UInt8(ascii: "<") || sigil == UInt8(ascii: "$") || closes == UInt8(ascii: "<") || closes == UInt8(ascii: "$")
    }

    var canStandAlone: Bool {
        guard let sigil else { return false }
        return Lexer.standaloneSigils.contains(sigil)
    }
}

/// One lexical token: literal text within one line, the start of a line, or a tag.
enum Token {
    /// Bytes `start..<end`, never crossing a line break (a line break ends its token).
    case text(start: Int, end: Int)
    case lineStart
    case tag(Tag)
}

/// Splits a template's bytes into tokens, applies delimiter changes as it goes, then marks the
/// lines that hold only standalone tags and inserts ``Token/lineStart`` where lines begin.
struct Lexer {
    static let standaloneSigils: Set<UInt8> = Set("#^/!=><$".utf8)
    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    let bytes: [UInt8]
    let locator: SourceLocator
    /// Delimiters in force at the start (a section lambda's result parses with the section's).
    var initialDelimiters = Delimiters.standard

    /// - Throws: ``TemplateError`` for an unclosed tag or an invalid delimiter change.
    func tokens() throws -> [Token] {
        var raw = try scan()
        matchClosingTags(&raw)
        return markLines(raw)
    }

    private func scan() throws -> [Token] {
        var tokens: [Token] = []
        var delimiters = initialDelimiters
        var textStart = 0
        var i = 0
        let n = bytes.count
        func flushText(upTo end: Int) {
            var s = textStart
            var j = textStart
            while j < end {
                if bytes[j] == Lexer.newline {
                    tokens.append(.text(start: s, end: j + 1))
                    s = j + 1
                }
                j += 1
            }
            if s < end { tokens.append(.text(start: s, end: end)) }
        }
        while i < n {
            guard matches(delimiters.open, at: i) else { i += 1; continue }
            flushText(upTo: i)
            let tagStart = i
            var contentStart = i + delimiters.open.count
            var sigil: UInt8? = nil
            var closeSequence = delimiters.close
            if contentStart < n {
                let c = bytes[contentStart]
                if c == UInt8(ascii: "{"), delimiters == .standard {
                    sigil = c
                    contentStart += 1
                    closeSequence = [UInt8(ascii: "}")] + delimiters.close
                } else if c == UInt8(ascii: "=") {
                    sigil = c
                    contentStart += 1
                    closeSequence = [UInt8(ascii: "=")] + delimiters.close
                }
            }
            guard let closeAt = find(closeSequence, from: contentStart) else {
                throw locator.error(.unclosedTag, at: tagStart)
            }
            let end = closeAt + closeSequence.count
            var content = trimmed(contentStart, closeAt)
            if sigil == nil, let first = content.first, "#^/!><$&".utf8.contains(first) {
                sigil = first
                content = Array(content.dropFirst()).trimmingWhitespace()
            }
            let text = String(decoding: content, as: UTF8.self)
            if sigil == UInt8(ascii: "=") {
                delimiters = try parseDelimiters(text, at: tagStart)
            }
            let prefix = whitespacePrefix(before: tagStart)
            tokens.append(.tag(Tag(sigil: sigil, content: text, start: tagStart, end: end, delimiters: delimiters, whitespacePrefix: prefix)))
            i = end
            textStart = end
        }
        flushText(upTo: n)
        return tokens
    }

    /// Notes on each closing tag what kind of tag it closes (errors are left to the parser).
    private func matchClosingTags(_ tokens: inout [Token]) {
        var open: [(UInt8, String)] = []
        for k in tokens.indices {
            guard case .tag(var tag) = tokens[k], let sigil = tag.sigil else { continue }
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "<"), UInt8(ascii: "$"):
                open.append((sigil, tag.content))
            case UInt8(ascii: "/"):
                if let last = open.last, last.1 == tag.content {
                    open.removeLast()
                    tag.closes = last.0
                    tokens[k] = .tag(tag)
                }
            default:
                break
            }
        }
    }

    /// Marks standalone lines (their whitespace tokens are dropped) and inserts line starts.
    private func markLines(_ input: [Token]) -> [Token] {
        var output: [Token] = []
        output.reserveCapacity(input.count + input.count / 2)
        var lineBegin = 0
        while lineBegin < input.count {
            var lineEnd = lineBegin
            while lineEnd < input.count {
                if case .text(_, let e) = input[lineEnd], bytes[e - 1] == Lexer.newline { lineEnd += 1; break }
                lineEnd += 1
            }
            let line = Array(input[lineBegin..<lineEnd])
            if let indentation = standaloneIndentation(line) {
                for k in line.indices {
                    if case .tag(var tag) = line[k] {
                        tag.standalone = true
                        tag.indentation = indentation
                        output.append(.tag(tag))
                    }
                }
            } else {
                output.append(.lineStart)
                line.withUnsafeBufferPointer { output.append(contentsOf: $0) }
            }
            lineBegin = lineEnd
        }
        return output
    }

    /// The leading whitespace when `line` holds only whitespace and standalone tags, else `nil`.
    private func standaloneIndentation(_ line: [Token]) -> [UInt8]? {
        var tags: [Tag] = []
        var indentation: [UInt8] = []
        for token in line {
            switch token {
            case .lineStart: continue
            case .tag(let tag):
                guard tag.canStandAlone else { return nil }
                tags.append(tag)
            case .text(let s, let e):
                var j = s
                while j < e {
                    let b = bytes[j]
                    if b == Lexer.space || b == Lexer.tab {
                        j += 1
                    } else if b == Lexer.newline || (b == Lexer.cr && j + 1 < e && bytes[j + 1] == Lexer.newline) {
                        break
                    } else {
                        return nil
                    }
                }
                if tags.isEmpty { indentation.append(contentsOf: bytes[s..<j]) }
            }
        }
        guard !tags.isEmpty else { return nil }
        if tags.count > 1 {
            // Several tags share a line only in inheritance: `{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`.
            // A whole block on one line (`{{$b}}{{/b}}`) is inline content; at most one partial or parent.
            let sigils = tags.map { $0.sigil! }
            guard tags.contains(where: \.isInheritanceTag) else { return nil }
            guard sigils.filter({ $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }).count <= 1 else { return nil }
            var openBlocks: Set<String> = []
            for tag in tags {
                if tag.sigil == UInt8(ascii: "$") { openBlocks.insert(tag.content) }
                if tag.sigil == UInt8(ascii: "/"), openBlocks.contains(tag.content) { return nil }
            }
        }
        return indentation
    }

    private func parseDelimiters(_ text: String, at offset: Int) throws -> Delimiters {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
            throw locator.error(.invalidDelimiters(text), at: offset)
        }
        return Delimiters(open: Array(parts[0].utf8), close: Array(parts[1].utf8))
    }

    private func matches(_ sequence: [UInt8], at i: Int) -> Bool {
        guard i + sequence.count <= bytes.count else { return false }
        var k = 0
        while k < sequence.count {
            if bytes[i + k] != sequence[k] { return false }
            k += 1
        }
        return true
    }

    private func find(_ sequence: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + sequence.count <= bytes.count {
            if matches(sequence, at: i) { return i }
            i += 1
        }
        return nil
    }

    private func trimmed(_ start: Int, _ end: Int) -> [UInt8] { Array(bytes[start..<end]).trimmingWhitespace() }

    private func whitespacePrefix(before offset: Int) -> [UInt8]? {
        var j = offset
        while j > 0, bytes[j - 1] != Lexer.newline {
            guard bytes[j - 1] == Lexer.space || bytes[j - 1] == Lexer.tab else { return nil }
            j -= 1
        }
        return Array(bytes[j..<offset])
    }
}

extension Array where Element == UInt8 {
    func trimmingWhitespace() -> [UInt8] {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var s = startIndex, e = endIndex
        while s < e, isSpace(self[s]) { s += 1 }
        while e > s, isSpace(self[e - 1]) { e -= 1 }
        return Array(self[s..<e])
    }
}
