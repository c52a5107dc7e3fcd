import Foundation

/// Why publishing stopped. The previously published site is intact in every case.
package enum PublishError: Error, Equatable, CustomStringConvertible {
    /// A page or file path that is not a safe relative path.
    case invalidPath(String, reason: String)
    /// Two pages want the same path.
    case duplicatePath(String)
    /// One path is both a file and the folder of another (`a` and `a/index.html`).
    case pathConflict(file: String, folder: String)
    /// The output path exists and is neither a folder nor a link Paddock made.
    case outputNotAFolder(String)
    /// A file-system call failed.
    case io(operation: String, path: String, errno: Int32)

    package var description: String {
        switch self {
        case .invalidPath(let path, let reason): "cannot publish \"\(path)\": \(reason)"
        case .duplicatePath(let path): "two pages were rendered to the same path \(path)"
        case .pathConflict(let file, let folder): "\(file) is both a file and the folder of \(folder)"
        case .outputNotAFolder(let path): "the output path \(path) exists and is not a folder; move it away"
        case .io(let operation, let path, let code):
            "\(operation) \(path) failed: \(String(cString: strerror(code))); the previous site is intact"
        }
    }
}
