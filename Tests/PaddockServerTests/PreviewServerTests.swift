import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockServer

/// A text site served by the preview server on loopback port 0, built once before serving.
struct PreviewFixture {
    let folder: TemporaryFolder
    let builder: TextSiteBuilder
    let preview: PreviewServer

    init() throws {
        folder = try TemporaryFolder()
        try TextSiteBuilder.writeStarterSite(at: folder.url)
        builder = TextSiteBuilder(root: folder.url)
        let coordinator = BuildCoordinator(builder: builder, lockFile: folder.url.appending(path: ".paddock/build.lock"), logger: quietLogger)
        preview = PreviewServer(
            configuration: .init(host: "127.0.0.1", port: 0, pollInterval: .milliseconds(100), quietPeriod: .milliseconds(50)),
            builder: builder, coordinator: coordinator, logger: quietLogger)
    }

    func run(_ body: (_ base: String) async throws -> Void) async throws {
        defer { folder.remove() }
        await preview.session.rebuild()
        try await withRunningGroup({ preview.serviceGroup(gracefulShutdownSignals: [], onListening: $0) }) { port, _ in
            try await body("http://127.0.0.1:\(port)")
        }
    }
}

@Suite struct PreviewServerTests {
    @Test func injectsTheReloadScriptIntoServedPagesButNeverIntoTheOutputFolder() async throws {
        let fixture = try PreviewFixture()
        try await fixture.run { base in
            let home = try await http(.GET, base + "/")
            #expect(home.status == 200)
            #expect(home.body.contains("<script data-paddock-preview>"))
            #expect(home.body.contains("/__paddock/events?since=1"))
            #expect(home.body.range(of: "data-paddock-preview")!.lowerBound < home.body.range(of: "</body>")!.lowerBound)
            let notFound = try await http(.GET, base + "/missing/")
            #expect(notFound.status == 404)
            #expect(notFound.body.contains("data-paddock-preview"))
            let css = try await http(.GET, base + "/style.css")
            #expect(!css.body.contains("script"))
            let onDisk = try String(contentsOf: fixture.builder.outputFolder.appending(path: "index.html"), encoding: .utf8)
            #expect(!onDisk.contains("paddock-preview"))
        }
    }

    @Test func tellsOpenTabsToReloadAfterAWatchedFileChanges() async throws {
        let fixture = try PreviewFixture()
        try await fixture.run { base in
            var events = try await EventStreamReader.open(base + "/__paddock/events?since=1")
            try fixture.folder.write("Bella\n\nA bay mare, born 2016, now in foal.\n", to: "pages/bella.txt")
            let event = try await events.read(until: "\n\n")
            #expect(event.contains("event: reload"))
            #expect(event.contains("data: 2"))
            let page = try await http(.GET, base + "/bella/")
            #expect(page.body.contains("now in foal"))
            #expect(page.body.contains("since=2"))
        }
    }

    @Test func tellsATabServedBeforeTheLatestBuildToReloadAtOnce() async throws {
        let fixture = try PreviewFixture()
        try await fixture.run { base in
            var events = try await EventStreamReader.open(base + "/__paddock/events?since=0")
            #expect(try await events.read(until: "\n\n").contains("event: reload"))
        }
    }

    @Test func showsTheBuildErrorOnEveryPageUntilItIsFixed() async throws {
        let fixture = try PreviewFixture()
        let layout = try String(contentsOf: fixture.folder.url.appending(path: "templates/layout.html"), encoding: .utf8)
        try await fixture.run { base in
            var events = try await EventStreamReader.open(base + "/__paddock/events?since=1")
            try fixture.folder.write(layout.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{titel}}</h1>"), to: "templates/layout.html")
            #expect(try await events.read(until: "\n\n").contains("event: reload"))
            for path in ["/", "/bella/", "/caspar/index.html", "/no-such-page"] {
                let page = try await http(.GET, base + path)
                #expect(page.status == 500, "\(path)")
                #expect(page.body.contains("templates/layout.html:7:11: unknown placeholder {{titel}}"), "\(path)")
                #expect(page.body.contains("&lt;main&gt;&lt;h1&gt;{{titel}}&lt;/h1&gt;"), "\(path): the offending line, escaped")
                #expect(page.body.contains("data-paddock-preview"))
            }
            #expect(try await http(.GET, base + "/style.css").status == 200)
            try fixture.folder.write(layout, to: "templates/layout.html")
            // A burst of saves may give more than one rebuild (and reload): wait for the one that succeeds.
            var fixed = try await http(.GET, base + "/bella/")
            for _ in 0..<10 where fixed.status != 200 {
                #expect(try await events.read(until: "\n\n").contains("event: reload"))
                fixed = try await http(.GET, base + "/bella/")
            }
            #expect(fixed.status == 200)
            #expect(fixed.body.contains("<h1>Bella</h1>"))
        }
    }
}
