import PaddockPublish
/// What one build did, for the command's summary and the servers' build status.
package struct SiteBuildReport: Sendable, CustomStringConvertible {
    /// Files written, unchanged and removed by the publish.
    package var publish: PublishSummary
    /// Files the site holds (pages, feeds, assets, media).
    package var files: Int
    /// Where the catalogue came from.
    package var origin: String
    /// Warnings of the fetch and of the publish.
    package var warnings: [String]
    package var catalogueTime: Duration
    package var renderTime: Duration
    package var publishTime: Duration
    /// Nothing the build reads had changed since the site was last published: nothing was rendered.
    package var upToDate: Bool = false
    /// The picture step's work (`[media]` on and the site rendered): pictures decoded for variants
    /// they lacked, and pictures whose variants were all made by an earlier build.
    package var pictures: (decoded: Int, reused: Int)? = nil

    package var totalTime: Duration { catalogueTime + renderTime + publishTime }

    /// `412 files: 12 written, 400 unchanged, 0 removed; pictures: 5 made, 68 reused; 0 warnings; 1.23 s (data: the cache)`.
    package var description: String {
        func seconds(_ d: Duration) -> String { String(format: "%.2f s", d / .seconds(1)) }
        if upToDate {
            return "\(files) files, all unchanged: nothing the site is built from changed since it was published; "
                + "\(seconds(totalTime)) (data from \(origin))"
        }
        return "\(files) files: \(publish.written) written, \(publish.unchanged) unchanged, \(publish.removed) removed; "
            + (pictures.map { "pictures: \($0.decoded) made, \($0.reused) reused; " } ?? "")
            + "\(warnings.count) warning\(warnings.count == 1 ? "" : "s"); \(seconds(totalTime)) "
            + "(data \(seconds(catalogueTime)), render \(seconds(renderTime)), publish \(seconds(publishTime)); data from \(origin))"
    }
}
