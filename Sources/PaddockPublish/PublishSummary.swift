/// What one publish did, for `paddock build` to print.
package struct PublishSummary: Sendable, Equatable, CustomStringConvertible {
    /// Files whose bytes were new or changed, written to disk.
    package var written: Int
    /// Files whose bytes did not change: reused (hard link), modification time kept.
    package var unchanged: Int
    /// Files of the previous site that are no longer produced.
    package var removed: Int
    /// Things worth telling the user that did not stop the build.
    package var warnings: [String]
    /// Wall time of the publish (or of the whole build, when the caller replaces it).
    package var duration: Duration
    /// `false` when nothing changed: no file was written and the site was not swapped.
    package var swapped: Bool

    package init(written: Int = 0, unchanged: Int = 0, removed: Int = 0, warnings: [String] = [],
                duration: Duration = .zero, swapped: Bool = false) {
        self.written = written; self.unchanged = unchanged; self.removed = removed
        self.warnings = warnings; self.duration = duration; self.swapped = swapped
    }

    /// `12 written, 9,988 unchanged, 3 removed, 0 warnings in 0.84 s`.
    package var description: String {
        let rounded = (duration / .milliseconds(10)).rounded() / 100
        return "\(written) written, \(unchanged) unchanged, \(removed) removed, "
            + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s") in \(rounded) s"
            + (swapped ? "" : " (nothing changed, site left as it was)")
    }
}
