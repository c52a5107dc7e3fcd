/// The paths of one publish, checked as they arrive: each safe, no two pages on one path, no path
/// both a file and the folder of another. A page wins over a static file at the same path.
struct PublishPathIndex {
    enum Kind { case page, staticFile }

    /// What adding a path means for the publish.
    enum Outcome: Equatable {
        /// A new path.
        case added
        /// A page takes the place of a static file already added at its path.
        case replacesStaticFile
        /// A static file at a page's path: the page wins, the file is skipped.
        case ignored
        /// A second static file at the same path: the later one wins.
        case replacesEarlierStaticFile
    }

    private(set) var kinds: [String: Kind] = [:]
    /// Folder → one file below it, for the conflict message.
    private var folders: [String: String] = [:]

    var count: Int { kinds.count }

    mutating func add(_ path: String, kind: Kind) throws -> Outcome {
        try Self.validate(path)
        return try add(validated: path, parents: PublishStaging.parentFolders(of: path), kind: kind)
    }

    /// ``add(_:kind:)`` for a path already checked with ``validate(_:)-(String)``, whose
    /// `parents` (``PublishStaging/parentFolders(of:)``) are known: the part that needs the
    /// index, kept short because a publish session runs it under its lock.
    mutating func add(validated path: String, parents: [String], kind: Kind) throws -> Outcome {
        if let existing = kinds[path] {
            switch (existing, kind) {
            case (.page, .page): throw PublishError.duplicatePath(path)
            case (.page, .staticFile): return .ignored
            case (.staticFile, .page): kinds[path] = .page; return .replacesStaticFile
            case (.staticFile, .staticFile): return .replacesEarlierStaticFile
            }
        }
        if let below = folders[path] { throw PublishError.pathConflict(file: path, folder: below) }
        for folder in parents where kinds[folder] != nil { throw PublishError.pathConflict(file: folder, folder: path) }
        for folder in parents where folders[folder] == nil { folders[folder] = path }
        kinds[path] = kind
        return .added
    }

    /// Checks a whole site's paths at once (before its check runs and anything is written).
    static func validate(_ site: SiteOutput) throws {
        var index = PublishPathIndex()
        for file in site.staticFiles { _ = try index.add(file.path, kind: .staticFile) }
        for page in site.pages { _ = try index.add(page.path, kind: .page) }
    }

    /// A relative `/`-separated path of plain names: no `..`, no hidden `.paddock`, no control characters.
    static func validate(_ path: String) throws {
        var path = path
        // One pass over the bytes (every page of a build comes through here): control characters
        // and backslashes are single bytes in UTF-8, and segments are cut at `/`.
        let problem: String? = path.withUTF8 { bytes in
            guard !bytes.isEmpty else { return "the path is empty" }
            guard bytes[0] != UInt8(ascii: "/") else { return "the path must be relative" }
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") {
                return "the path holds a control character or a backslash"
            }
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
                let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if segment.isEmpty { return "the path has an empty segment" }
                if segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) { return "the path must not contain . or .. segments" }
                if segment.elementsEqual(".paddock".utf8) { return ".paddock is reserved" }
                if segment.count > 255 { return "a segment is longer than 255 bytes" }
                start = end + 1
            }
            return nil
        }
        if let problem { throw PublishError.invalidPath(path, reason: problem) }
    }
}
