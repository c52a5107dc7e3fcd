import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockServer

@Suite struct PreviewSessionTests {
    struct Fixture {
        let folder: TemporaryFolder
        let builder: TextSiteBuilder
        let clock = ManualClock()
        let session: PreviewSession<ManualClock>

        init() throws {
            folder = try TemporaryFolder()
            try TextSiteBuilder.writeStarterSite(at: folder.url)
            builder = TextSiteBuilder(root: folder.url)
            let coordinator = BuildCoordinator(builder: builder, lockFile: folder.url.appending(path: ".paddock/build.lock"), logger: quietLogger)
            session = PreviewSession(coordinator: coordinator, clock: clock, quietPeriod: .milliseconds(50), logger: quietLogger)
        }
    }

    @Test func debouncesABurstOfChangesIntoOneRebuild() async throws {
        let fixture = try Fixture()
        defer { fixture.folder.remove() }
        for index in 0..<10 { await fixture.session.filesChanged(["/site/pages/\(index).txt"]) }
        fixture.clock.advance(by: .milliseconds(49))
        await fixture.session.filesChanged(["/site/pages/late.txt"])
        #expect(await fixture.session.rebuildsRequested == 0)
        fixture.clock.advance(by: .milliseconds(49))
        #expect(await fixture.session.rebuildsRequested == 0, "the late change restarted the quiet period")
        fixture.clock.advance(by: .milliseconds(10))
        try await eventually("one rebuild finished") { await fixture.session.status.generation == 1 }
        #expect(await fixture.session.rebuildsRequested == 1)
        #expect(await fixture.builder.statistics.startedCount == 1)
    }

    @Test func rebuildsAgainForChangesAfterTheQuietPeriod() async throws {
        let fixture = try Fixture()
        defer { fixture.folder.remove() }
        await fixture.session.filesChanged(["/site/pages/a.txt"])
        fixture.clock.advance(by: .milliseconds(60))
        try await eventually("first rebuild") { await fixture.session.status.generation == 1 }
        await fixture.session.filesChanged(["/site/pages/b.txt"])
        fixture.clock.advance(by: .milliseconds(60))
        try await eventually("second rebuild") { await fixture.session.status.generation == 2 }
        #expect(await fixture.builder.statistics.startedCount == 2)
    }

    @Test func remembersTheFailureUntilABuildSucceeds() async throws {
        let fixture = try Fixture()
        defer { fixture.folder.remove() }
        try fixture.folder.write("{{broken", to: "templates/layout.html")
        await fixture.session.rebuild()
        let failure = try #require(await fixture.session.status.failure)
        #expect(failure.contains("templates/layout.html:1:1: unclosed {{"))
        try TextSiteBuilder.writeStarterSite(at: fixture.folder.url)
        await fixture.session.rebuild()
        #expect(await fixture.session.status.failure == nil)
        #expect(await fixture.session.status.generation == 2)
    }

    @Test func subscribersGetOneGenerationPerFinishedBuild() async throws {
        let fixture = try Fixture()
        defer { fixture.folder.remove() }
        let stream = await fixture.session.subscribe(since: 0)
        await fixture.session.rebuild()
        await fixture.session.rebuild()
        await fixture.session.close()
        var generations: [Int] = []
        for await generation in stream { generations.append(generation) }
        #expect(generations == [1, 2])
    }
}
