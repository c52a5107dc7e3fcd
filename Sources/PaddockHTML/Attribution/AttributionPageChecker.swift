import Foundation
import PaddockPublish

/// The attribution check one page at a time, as pages are rendered: safe to call from several
/// threads at once; it keeps the failures (never the pages) until ``verify()``.
///
/// Pages are checked against the files they link to that are known before rendering: the theme's
/// assets (stylesheets, logos) and the static files.
///
/// ```swift
/// let check = AttributionPageChecker(checker: checker, linkedFiles: SiteOutput(pages: assetPages, staticFiles: files),
///                                    pageOrder: plan.pages.map(\.path))
/// for page in renderedPages { check.check(page) }   // from several threads at once
/// try check.verify()   // AttributionError with every failing page, in page order
/// ```
package final class AttributionPageChecker: @unchecked Sendable {
    private let checker: AttributionChecker
    private let site: AttributionSiteIndex
    private let order: [String: Int]
    private let lock = NSLock()
    private var collected: [AttributionFailure] = []

    /// - Parameters:
    ///   - linkedFiles: files pages may link to for stylesheets and logos (theme assets, static files).
    ///   - pageOrder: page paths in the order failures are reported; pages not listed come last, by path.
    package init(checker: AttributionChecker, linkedFiles: SiteOutput, pageOrder: [String] = []) {
        self.checker = checker
        site = AttributionSiteIndex(output: linkedFiles, baseURL: checker.baseURL)
        var order: [String: Int] = [:]
        for (index, path) in pageOrder.enumerated() where order[path] == nil { order[path] = index }
        self.order = order
    }

    /// Checks `page` (pages showing no provider's data pass at once) and records its failures.
    /// - Returns: `true` when the page passes.
    @discardableResult
    package func check(_ page: RenderedPage) -> Bool {
        guard page.showsEquictyData || page.showsHorseTelexData else { return true }
        let failures = checker.failures(on: page, site: site)
        guard !failures.isEmpty else { return true }
        lock.lock(); collected.append(contentsOf: failures); lock.unlock()
        return false
    }

    /// The failures so far, in page order.
    package var failures: [AttributionFailure] {
        lock.lock(); let failures = collected; lock.unlock()
        return failures.enumerated().sorted { left, right in
            let a = order[left.element.page] ?? Int.max, b = order[right.element.page] ?? Int.max
            if a != b { return a < b }
            if left.element.page != right.element.page { return left.element.page < right.element.page }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// Throws ``AttributionError`` listing every failing page when any failed.
    package func verify() throws {
        let failures = failures
        if !failures.isEmpty { throw AttributionError(failures: failures) }
    }
}
