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
        guard !path.isEmpty else { throw PublishError.invalidPath(path, reason: "the path is empty") }
        guard !path.hasPrefix("/") else { throw PublishError.invalidPath(path, reason: "the path must be relative") }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else {
            throw PublishError.invalidPath(path, reason: "the path holds a control character or a backslash")
        }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch component {
            case "": throw PublishError.invalidPath(path, reason: "the path has an empty segment")
            case ".", "..": throw PublishError.invalidPath(path, reason: "the path must not contain . or .. segments")
            case ".paddock": throw PublishError.invalidPath(path, reason: ".paddock is reserved")
            default:
                if component.utf8.count > 255 { throw PublishError.invalidPath(path, reason: "a segment is longer than 255 bytes") }
            }
        }
    }
}
