/// Why `paddock init` wrote nothing.
package enum SiteStarterError: Error, Equatable, CustomStringConvertible {
    /// The folder exists and holds files: nothing is overwritten.
    case folderNotEmpty(String)
    /// The path exists and is a file.
    case notAFolder(String)
    case cannotWrite(String, reason: String)

    package var description: String {
        switch self {
        case .folderNotEmpty(let path): "\(path) is not empty; paddock init only writes into a new or empty folder"
        case .notAFolder(let path): "\(path) exists and is not a folder"
        case .cannotWrite(let path, let reason): "cannot write the starter site into \(path): \(reason)"
        }
    }
}
