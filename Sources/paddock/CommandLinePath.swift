import Foundation

/// Paths given on the command line, resolved against the folder the command runs in.
enum CommandLinePath {
    /// The current working directory, as a folder (relative paths resolve inside it).
    static var currentDirectory: URL {
        URL(filePath: FileManager.default.currentDirectoryPath, directoryHint: .isDirectory)
    }

    /// `path` made absolute: as given when absolute, else inside the current directory.
    static func resolve(_ path: String) -> URL {
        URL(filePath: path, relativeTo: currentDirectory).absoluteURL.standardizedFileURL
    }

    /// Whether `url` names an existing file or folder; `isFolder` tells which.
    static func exists(_ url: URL, isFolder: inout Bool) -> Bool {
        var folder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &folder)
        isFolder = folder.boolValue
        return exists
    }
}
