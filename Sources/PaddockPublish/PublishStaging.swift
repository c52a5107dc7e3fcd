/// The folder a new release is filled in, and what is known to be in it.
///
/// It is a recycled release (or a stale staging folder) most of whose files are already right, or a
/// new empty folder. Files are never written in place: one that is there is unlinked and created
/// anew, because it may be shared by hard link with the current or the previous release.
struct PublishStaging {
    let path: String
    /// The manifest of the release recycled into this folder, if it was one.
    let recycled: PublishManifest?
    /// Files in the folder that the new site has not claimed yet.
    private(set) var leftovers: Set<String>
    private(set) var folders: Set<String>
    /// Paths written in this publish and then taken over by a later file (a page over a static file).
    private var overwritten: Set<String> = []
    /// The folder held nothing when this publish took it: every folder in it is then one that
    /// ``makeRoom(for:)`` made for a file of the new site, so there are no leftovers to look for.
    private let startedEmpty: Bool

    init(path: String, recycled: PublishManifest?) {
        self.path = path
        self.recycled = recycled
        if let recycled {
            leftovers = Set(recycled.entries.keys)
            folders = Set(leftovers.flatMap(Self.parentFolders(of:)))
        } else {
            let existing = POSIXFileSystem.walk(path)
            leftovers = Set(existing.files)
            folders = Set(existing.folders)
        }
        startedEmpty = leftovers.isEmpty && folders.isEmpty
    }

    /// Claims `file`'s parent folders and clears a folder standing at its path.
    /// - Returns: whether a file is already there (to unlink before writing), and the folders the
    ///   caller must create (parents first): claimed here so that no other file claims them, made
    ///   by the caller outside the session's lock. A writer that finds a claimed folder not made
    ///   yet makes it itself (``PublishSession``).
    mutating func makeRoom(for file: String) throws -> (occupied: Bool, newFolders: [String]) {
        try makeRoom(for: file, parents: Self.parentFolders(of: file))
    }

    /// ``makeRoom(for:)`` with `file`'s ``parentFolders(of:)`` already worked out (outside the
    /// session's lock).
    mutating func makeRoom(for file: String, parents: [String]) throws -> (occupied: Bool, newFolders: [String]) {
        var newFolders: [String] = []
        for folder in parents where folders.insert(folder).inserted {
            if !leftovers.isEmpty, leftovers.remove(folder) != nil { try POSIXFileSystem.unlinkFile(path + "/" + folder) }
            newFolders.append(path + "/" + folder)
        }
        if folders.contains(file) {
            try POSIXFileSystem.removeTree(path + "/" + file)
            folders = folders.filter { $0 != file && !$0.hasPrefix(file + "/") }
            leftovers = leftovers.filter { !$0.hasPrefix(file + "/") }
        }
        let had = !leftovers.isEmpty && leftovers.remove(file) != nil
        return (had || (!overwritten.isEmpty && overwritten.remove(file) != nil), newFolders)
    }

    /// Notes that `file`, written in this publish, is being replaced by another file of the site.
    mutating func markOverwritten(_ file: String) { overwritten.insert(file) }

    /// Places an unchanged file: a hard link to `source` (its mtime kept), or nothing when the
    /// recycled folder already holds that very file.
    /// - Parameter current: the current release's manifest (a file equal there and in the recycled
    ///   release is the same inode, shared along the chain of releases).
    mutating func link(_ file: String, digest: String, from source: String, current: PublishManifest?) throws {
        let overwrote = overwritten.contains(file)
        let (had, newFolders) = try makeRoom(for: file)
        for folder in newFolders { try POSIXFileSystem.makeDirectory(folder) }
        let recycledFile = had && !overwrote
        let destination = path + "/" + file
        if recycledFile, let recycled, let current, recycled.entries[file]?.digest == digest, current.entries[file]?.digest == digest {
            return   // unchanged since the recycled release: already this file
        }
        if had {
            if recycledFile, let old = POSIXFileSystem.status(destination), let new = POSIXFileSystem.status(source),
               old.inode == new.inode, old.device == new.device {
                return   // the recycled folder already holds this very file
            }
            try POSIXFileSystem.unlinkFile(destination)
        }
        if !POSIXFileSystem.hardLink(source, destination) {
            try POSIXFileSystem.writeFile(try POSIXFileSystem.read(source), to: destination)
            try POSIXFileSystem.copyModificationTime(from: source, to: destination)
        }
    }

    /// Removes what the recycled folder held and the new site lacks.
    /// - Parameter files: every path of the new site.
    mutating func removeLeftovers(keeping files: some Collection<String>) throws {
        for file in leftovers { try POSIXFileSystem.unlinkFile(path + "/" + file) }
        leftovers = []
        guard !startedEmpty else { return }
        let needed = Set(files.flatMap(Self.parentFolders(of:)))
        for folder in folders.subtracting(needed).sorted(by: { $0.count > $1.count }) {
            try POSIXFileSystem.removeTree(path + "/" + folder)
        }
    }

    /// `a/b/c.html` → `["a", "a/b"]`.
    static func parentFolders(of path: String) -> [String] {
        var result: [String] = []
        var index = path.startIndex
        while let slash = path[index...].firstIndex(of: "/") {
            result.append(String(path[..<slash]))
            index = path.index(after: slash)
        }
        return result
    }
}
