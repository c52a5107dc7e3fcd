import Foundation

/// The releases folder and the output link as found at the start of a publish.
///
/// Names in the releases folder: `r000012` (a release), `r000012.manifest` (its digests),
/// `.staging-<uuid>` (being filled; left behind only by a killed build), `legacy-<uuid>` (a plain
/// output folder moved aside by the first publish). Output links are staged as
/// `.<output>.paddock-link-<uuid>` beside the output.
struct ReleaseState {
    let output: URL
    let releases: URL
    /// The release the output link points at, if it is one of ours.
    private(set) var current: String?
    private(set) var currentManifest: PublishManifest?
    /// The output is a plain folder to migrate; its files are reused when their bytes match.
    private(set) var legacyFolder: String?
    private(set) var releaseNumbers: [Int]

    var currentPath: String? { current.map { releases.path + "/" + $0 } }

    static func read(output: URL, releases: URL) throws -> ReleaseState {
        var state = ReleaseState(output: output, releases: releases, releaseNumbers: [])
        state.releaseNumbers = POSIXFileSystem.list(releases.path).compactMap { Self.number(of: $0.name) }.sorted()
        guard let info = POSIXFileSystem.status(output.path) else { return state }
        if info.isSymlink {
            if let target = POSIXFileSystem.readLink(output.path) {
                let resolved = target.hasPrefix("/") ? URL(filePath: target)
                    : output.deletingLastPathComponent().appending(path: target)
                let name = resolved.lastPathComponent
                if resolved.deletingLastPathComponent().standardizedFileURL.path == releases.path, Self.number(of: name) != nil,
                   POSIXFileSystem.status(resolved.path)?.isDirectory == true {
                    state.current = name
                    if let text = try? String(contentsOfFile: resolved.path + ".manifest", encoding: .utf8) {
                        state.currentManifest = PublishManifest(text: text)
                    }
                }
            }
        } else if info.isDirectory {
            state.legacyFolder = output.path
        } else {
            throw PublishError.outputNotAFolder(output.path)
        }
        return state
    }

    /// `r000012` → 12.
    static func number(of name: String) -> Int? {
        guard name.count == 7, name.hasPrefix("r") else { return nil }
        return Int(name.dropFirst())
    }

    static func name(of number: Int) -> String {
        let digits = String(number)
        return "r" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    func nextReleaseName() -> String { Self.name(of: (releaseNumbers.last ?? 0) + 1) }

    /// The releases left untouched: the current one and the `keepPrevious` newest others.
    func kept(keepPrevious: Int) -> Set<String> {
        var kept = Set(current.map { [$0] } ?? [])
        let currentNumber = current.flatMap(Self.number(of:)) ?? Int.max
        let older = releaseNumbers.filter { $0 < currentNumber }.map(Self.name(of:))
        kept.formUnion(older.suffix(keepPrevious))
        return kept
    }

    /// Removes output links left by a killed build.
    func cleanStaleLinks() throws {
        let folder = output.deletingLastPathComponent().path
        let prefix = ".\(output.lastPathComponent).paddock-link-"
        for entry in POSIXFileSystem.list(folder) where entry.name.hasPrefix(prefix) {
            try POSIXFileSystem.unlinkFile(folder + "/" + entry.name)
        }
    }

    /// A staging folder: a stale staging folder or a release no longer kept, renamed (recycled:
    /// most of its files are already right), or a new empty folder. Extra candidates are removed.
    /// - Returns: the staging folder's path and, when it is a recycled release, that release's manifest
    ///   (its contents as sealed, so the folder need not be walked).
    mutating func prepareStaging(keepPrevious: Int) throws -> (path: String, manifest: PublishManifest?) {
        let kept = kept(keepPrevious: keepPrevious)
        let entries = POSIXFileSystem.list(releases.path)
        var candidates: [String] = []
        for entry in entries where entry.isDirectory && !kept.contains(entry.name) {
            if entry.name.hasPrefix(".staging-") || Self.number(of: entry.name) != nil || entry.name.hasPrefix("legacy-") {
                candidates.append(entry.name)
            }
        }
        // Prefer the newest release (closest to the current one), then stale staging, then legacy.
        candidates.sort { rank($0) > rank($1) }
        let staging = releases.path + "/.staging-" + UUID().uuidString
        var manifest: PublishManifest? = nil
        if let reused = candidates.first {
            if Self.number(of: reused) != nil {
                manifest = (try? String(contentsOfFile: releases.path + "/" + reused + ".manifest", encoding: .utf8))
                    .flatMap(PublishManifest.init(text:))
            }
            try POSIXFileSystem.move(releases.path + "/" + reused, staging)
            try POSIXFileSystem.unlinkFile(releases.path + "/" + reused + ".manifest")
            for extra in candidates.dropFirst() {
                try POSIXFileSystem.removeTree(releases.path + "/" + extra)
                try POSIXFileSystem.unlinkFile(releases.path + "/" + extra + ".manifest")
            }
        } else {
            try POSIXFileSystem.makeDirectory(staging)
        }
        return (staging, manifest)
    }

    private func rank(_ name: String) -> Int {
        if let number = Self.number(of: name) { return 1_000_000 + number }
        return name.hasPrefix(".staging-") ? 1 : 0
    }

    /// Points the output at `release` with one rename; migrates a plain output folder the first time.
    /// - Returns: a warning worth showing, if any.
    mutating func swap(to release: String) throws -> String? {
        let parent = output.deletingLastPathComponent()
        let link = parent.path + "/.\(output.lastPathComponent).paddock-link-" + UUID().uuidString
        let target: String
        let parentPath = parent.path.hasSuffix("/") ? parent.path : parent.path + "/"
        if releases.path.hasPrefix(parentPath) {
            target = String(releases.path.dropFirst(parentPath.count)) + "/" + release
        } else {
            target = releases.path + "/" + release
        }
        try POSIXFileSystem.makeSymlink(target: target, at: link)
        var warning: String? = nil
        if let legacy = legacyFolder {
            let aside = releases.path + "/legacy-" + UUID().uuidString
            if POSIXFileSystem.exchange(link, legacy) {
                try POSIXFileSystem.move(link, aside)   // `link` now names the old folder
            } else {
                try POSIXFileSystem.move(legacy, aside)
                try POSIXFileSystem.move(link, output.path)
            }
            warning = "the output folder \(output.path) is now a link to \(target); the old folder was moved to \(aside)"
            legacyFolder = nil
        } else {
            try POSIXFileSystem.move(link, output.path)
        }
        if let number = Self.number(of: release) { releaseNumbers.append(number) }
        return warning
    }

    /// After a swap: keeps `release`, `keepPrevious` older releases and one spare for recycling;
    /// anything older is removed. In steady state this removes nothing.
    func prune(keeping release: String, keepPrevious: Int) throws {
        let numbers = POSIXFileSystem.list(releases.path).compactMap { Self.number(of: $0.name) }.sorted()
        let others = numbers.map(Self.name(of:)).filter { $0 != release }
        let spare = keepPrevious + 1
        for name in others.dropLast(spare) {
            try POSIXFileSystem.removeTree(releases.path + "/" + name)
            try POSIXFileSystem.unlinkFile(releases.path + "/" + name + ".manifest")
        }
    }
}
