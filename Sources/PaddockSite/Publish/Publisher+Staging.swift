import Foundation

extension Publisher {
    /// Fills `staging` with `plan`'s files: unchanged ones hard-linked from the current release
    /// (or kept when the recycled folder already holds that very file), changed ones written,
    /// everything else in the folder removed. Never writes into a file in place, so files shared
    /// by hard link with the current or previous release are never altered.
    ///
    /// - Parameter recycled: the manifest of the release being recycled into `staging`: its files
    ///   are known without walking it, and a file whose digest is the same there, in the current
    ///   release and in the new site is left alone (it is the current file, shared by hard link).
    func stage(_ plan: PublishPlan, into staging: String, recycled: PublishManifest?, state: ReleaseState,
               summary: inout BuildSummary) throws {
        var existingFiles: Set<String>
        var folders: Set<String>
        if let recycled {
            existingFiles = Set(recycled.entries.keys)
            folders = Set(existingFiles.flatMap(Self.parentFolders(of:)))
        } else {
            let existing = POSIXFileSystem.walk(staging)
            existingFiles = Set(existing.files)
            folders = Set(existing.folders)
        }
        let current = state.currentPath
        let reuse = state.currentPath ?? state.legacyFolder
        let manifest = state.currentManifest
        let total = plan.files.count
        for (index, file) in plan.files.enumerated() {
            let destination = staging + "/" + file.path
            try makeParents(of: file.path, in: staging, folders: &folders, files: &existingFiles)
            if folders.contains(file.path) {
                try POSIXFileSystem.removeTree(destination)
                folders = folders.filter { $0 != file.path && !$0.hasPrefix(file.path + "/") }
                existingFiles = existingFiles.filter { !$0.hasPrefix(file.path + "/") }
            }
            let had = existingFiles.remove(file.path) != nil
            if had, let recycled, let manifest, let entry = recycled.entries[file.path],
               entry.digest == file.digest, manifest.entries[file.path]?.digest == file.digest {
                summary.unchanged += 1
                continue   // unchanged since the recycled release: already this file
            }
            if let reuse, let source = unchangedSource(file, reuse: reuse, manifest: manifest, isCurrent: current != nil) {
                summary.unchanged += 1
                if had, let old = POSIXFileSystem.status(destination), let new = POSIXFileSystem.status(source),
                   old.inode == new.inode, old.device == new.device {
                    continue   // the recycled folder already holds this very file
                }
                if had { try POSIXFileSystem.unlinkFile(destination) }
                if !POSIXFileSystem.hardLink(source, destination) {
                    try POSIXFileSystem.writeFile(try POSIXFileSystem.read(source), to: destination)
                    try POSIXFileSystem.copyModificationTime(from: source, to: destination)
                }
            } else {
                summary.written += 1
                if had { try POSIXFileSystem.unlinkFile(destination) }
                switch file.content {
                case .bytes(let bytes): try POSIXFileSystem.writeFile(bytes, to: destination)
                case .file(let url): try POSIXFileSystem.writeFile(try POSIXFileSystem.read(url.path), to: destination)
                }
            }
            if let observer, index % 64 == 0 || index == total - 1 { observer(.staging(done: index + 1, total: total)) }
        }
        // What the recycled folder held and the new site does not.
        for path in existingFiles { try POSIXFileSystem.unlinkFile(staging + "/" + path) }
        let needed = Set(plan.files.flatMap { Self.parentFolders(of: $0.path) })
        for folder in folders.subtracting(needed).sorted(by: { $0.count > $1.count }) {
            try POSIXFileSystem.removeTree(staging + "/" + folder)
        }
    }

    /// The file to reuse for `file` when its bytes are those already published, else `nil`.
    private func unchangedSource(_ file: PublishPlan.File, reuse: String, manifest: PublishManifest?, isCurrent: Bool) -> String? {
        let source = reuse + "/" + file.path
        if isCurrent, let manifest {
            guard let entry = manifest.entries[file.path], entry.digest == file.digest, entry.size == file.size else { return nil }
            return POSIXFileSystem.status(source)?.isRegular == true ? source : nil
        }
        // No manifest (a plain folder being migrated, or a damaged release): compare bytes.
        guard let info = POSIXFileSystem.status(source), info.isRegular, info.size == file.size,
              let bytes = try? POSIXFileSystem.read(source) else { return nil }
        switch file.content {
        case .bytes(let new): return new == bytes ? source : nil
        case .file(let url): return (try? POSIXFileSystem.read(url.path)) == bytes ? source : nil
        }
    }

    private func makeParents(of path: String, in staging: String, folders: inout Set<String>, files: inout Set<String>) throws {
        for folder in Self.parentFolders(of: path) where !folders.contains(folder) {
            if files.remove(folder) != nil { try POSIXFileSystem.unlinkFile(staging + "/" + folder) }
            try POSIXFileSystem.makeDirectory(staging + "/" + folder)
            folders.insert(folder)
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
