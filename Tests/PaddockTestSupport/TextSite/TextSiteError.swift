/// Why a text site build failed; messages say which file and where.
package enum TextSiteError: Error, Equatable, CustomStringConvertible {
    case template(file: String, line: Int, column: Int, lineText: String, message: String)
    case missingTemplate(path: String)
    case unreadablePage(path: String)
    case cannotWrite(path: String, reason: String)
    case publishFailed(path: String, reason: String)

    package var description: String {
        switch self {
        case .template(let file, let line, let column, let lineText, let message):
            let pointer = String(repeating: " ", count: max(0, column - 1)) + "^"
            return "\(file):\(line):\(column): \(message)\n  \(lineText)\n  \(pointer)"
        case .missingTemplate(let path): return "missing template \(path)"
        case .unreadablePage(let path): return "cannot read page \(path) (it must be UTF-8 text)"
        case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
        case .publishFailed(let path, let reason): return "cannot publish \(path): \(reason)"
        }
    }
}
