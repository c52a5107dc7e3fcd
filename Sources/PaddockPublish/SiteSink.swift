/// Where a build's files go as they are produced: a ``PublishSession`` (the published site) for
/// `paddock build`, the preview and the webhook; memory for tests and benchmarks. Both are fed by
/// the same streaming build (``SiteBuilder/render(refetch:into:)``).
///
/// `add` is called from several threads at once, in no particular order; a throw stops the build.
package protocol SiteSink: Sendable {
    func add(_ page: RenderedPage) throws
    func add(_ file: StaticFile) throws
}

extension PublishSession: SiteSink {}
