import Foundation

extension PublishSession {
    /// Completes the publish: when anything changed, links the unchanged files, removes what the
    /// site no longer has, seals the release and swaps the output link to it; otherwise leaves
    /// everything as it was (`swapped == false`, no file written).
    /// - Returns: what was written, kept and removed.
    package func finish() throws -> PublishSummary {
        try writer?.finish()
        return try lock.withLock {
            guard !finished else { throw PublishError.invalidPath("", reason: "the publish session is already finished") }
            finished = true
            return try seal()
        }
    }

    /// Call with `lock` held.
    private func seal() throws -> PublishSummary {
        var files: [String: PublishManifest.Entry] = [:]
        for (path, entry) in entries { files[path] = .init(digest: entry.digest, size: entry.size) }
        let manifest = PublishManifest(entries: files)
        let logger = publisher.logger
        if staging == nil, let current = state.current, state.currentManifest == manifest {
            logger.debug("nothing changed; site left as it was", metadata: ["publish.release": "\(current)"])
            return PublishSummary(unchanged: manifest.entries.count, duration: ContinuousClock.now - start, swapped: false)
        }
        try prepareStaging()
        var summary = PublishSummary(swapped: true)
        for (path, entry) in entries {
            guard let source = entry.source else { summary.written += 1; continue }
            try staging!.link(path, digest: entry.digest, from: source, current: state.currentManifest)
            summary.unchanged += 1
        }
        try staging!.removeLeftovers(keeping: entries.keys)
        let release = state.nextReleaseName()
        let releasePath = publisher.releases.path + "/" + release
        try POSIXFileSystem.move(staging!.path, releasePath)
        try POSIXFileSystem.writeFile(manifest.bytes, to: releasePath + ".manifest.tmp")
        try POSIXFileSystem.move(releasePath + ".manifest.tmp", releasePath + ".manifest")
        publisher.observer?(.sealed(release: release))
        syncAhead?.finish()
        if publisher.syncBeforeSwap { POSIXFileSystem.syncFileSystem(of: publisher.releases.path) }
        if let warning = try state.swap(to: release) { summary.warnings.append(warning) }
        publisher.observer?(.swapped(release: release))
        if publisher.syncBeforeSwap { POSIXFileSystem.syncFileSystem(of: publisher.output.deletingLastPathComponent().path) }
        summary.removed = state.currentManifest?.entries.keys.filter { manifest.entries[$0] == nil }.count ?? 0
        try state.prune(keeping: release, keepPrevious: publisher.keepPrevious)
        summary.duration = ContinuousClock.now - start
        logger.info("published", metadata: [
            "publish.release": "\(release)", "publish.written": "\(summary.written)",
            "publish.unchanged": "\(summary.unchanged)", "publish.removed": "\(summary.removed)",
        ])
        return summary
    }
}
