/// Turns byte offsets of a template's source into lines, columns and line text for errors.
struct SourceLocator {
    let template: String
    let bytes: [UInt8]
    /// Offsets where each line begins.
    private let lineStarts: [Int]

    init(template: String, bytes: [UInt8]) {
        self.template = template
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let column = String(decoding: bytes[lineStart..<clamped], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(line: Int32(low + 1), column: Int32(column))
    }

    func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    func error(_ kind: TemplateError.Kind, at offset: Int) -> TemplateError {
        error(kind, at: location(of: offset))
    }

    func error(_ kind: TemplateError.Kind, at location: SourceLocation) -> TemplateError {
        TemplateError(kind: kind, template: template, line: Int(location.line), column: Int(location.column),
                      lineText: lineText(Int(location.line)))
    }
}
