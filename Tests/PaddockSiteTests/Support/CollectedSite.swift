import Foundation
@testable import PaddockSite
@testable import PaddockPublish

/// A sink that keeps what a build produces in memory, for tests: pages, and static files read
/// into pages, sorted by path once the build is done.
final class CollectedSite: SiteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [RenderedPage] = []

    func add(_ page: RenderedPage) throws {
        lock.withLock { collected.append(page) }
    }

    func add(_ file: StaticFile) throws {
        let bytes = Array(try Data(contentsOf: file.source))
        lock.withLock { collected.append(RenderedPage(path: file.path, bytes: bytes)) }
    }

    var pages: [RenderedPage] { lock.withLock { collected.sorted { $0.path < $1.path } } }
}

/// Catalogues given in code, as a build's provider.
struct FixedCatalogues: CatalogueProvider {
    var supply: CatalogueSupply
    func catalogues(refetch: Bool) async throws -> CatalogueSupply { supply }
}
