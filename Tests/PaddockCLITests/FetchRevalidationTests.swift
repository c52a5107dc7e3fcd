import Foundation
import PaddockTestSupport
import PaddockSandbox
import Testing

/// `paddock fetch` a second time: the services answer 304 to what is unchanged, and the summary
/// says how much was not downloaded again.
@Suite struct FetchRevalidationTests {
    @Test func aSecondFetchReportsTheBytesRevalidationSaved() async throws {
        try await SandboxServer.withRunning(options: SandboxOptions(), logger: FetchCommandTests.quiet) { sandbox in
            let folder = try FetchCommandTests.site(sandbox)
            defer { folder.remove() }
            let first = try await FetchCommandTests.fetch([], in: folder, environment: FetchCommandTests.environment(sandbox))
            #expect(first.status == 0, "stderr: \(first.stderrText)")
            #expect(!first.stdoutText.contains("(304)"), "nothing to revalidate the first time")
            await sandbox.requestLog.clear()
            let second = try await FetchCommandTests.fetch([], in: folder, environment: FetchCommandTests.environment(sandbox))
            #expect(second.status == 0, "stderr: \(second.stderrText)")
            let unchanged = await sandbox.requestLog.requests.filter { $0.status == 304 }.count
            #expect(unchanged > 0)
            #expect(second.stdoutText.contains("\(unchanged) answers unchanged since the last fetch (304): "), "\(second.stdoutText)")
            // The mirrored pictures' 304s count too: megabytes rather than kilobytes.
            #expect(second.stdoutText.contains(" kB not downloaded again") || second.stdoutText.contains(" MB not downloaded again"),
                    "\(second.stdoutText)")
        }
    }
}
