@testable import PaddockSite
@testable import PaddockPublish
@testable import PaddockHTML

extension AttributionChecker {
    /// Every page of `output` through the page checker a build uses, then its verdict.
    func checkEveryPage(_ output: SiteOutput) throws {
        let check = AttributionPageChecker(checker: self, linkedFiles: output, pageOrder: output.pages.map(\.path))
        for page in output.pages { check.check(page) }
        try check.verify()
    }
}

extension Publisher {
    /// A whole site through one publish session, as a build feeds it.
    func publishAll(_ site: SiteOutput) throws -> PublishSummary {
        let session = try begin()
        for file in site.staticFiles { try session.add(file) }
        for page in site.pages { try session.add(page) }
        return try session.finish()
    }
}
