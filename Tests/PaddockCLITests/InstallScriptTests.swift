import Foundation
import PaddockTestSupport
import Testing

/// `scripts/install` lays Paddock out under a prefix, and the installed command, found through
/// `PATH`, works from another folder with its own theme and demo data.
@Suite struct InstallScriptTests {
    static let packageRoot = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theInstalledCommandFindsItsThemeAndDemoDataFromAnotherFolder() async throws {
        let prefix = try TemporaryFolder("paddock-prefix")
        defer { prefix.remove() }
        let workspace = try Workspace()
        defer { workspace.remove() }
        // The debug binary the tests run, installed by the same script as a release one (a
        // release build takes too long for a test, and `swift test` holds the build folder).
        let installed = try await ChildProcess.run(
            URL(filePath: "/bin/bash"),
            [Self.packageRoot.appending(path: "scripts/install").path, "--debug", "--from",
             PaddockProcess.binary.deletingLastPathComponent().path, prefix.url.path],
            environment: PaddockProcess.plainEnvironment, timeout: PaddockProcess.timeout)
        #expect(installed.succeeded, "\(installed.stderrText)")
        for path in ["bin/paddock", "bin/paddock_PaddockSandbox.resources", "share/paddock/templates/layouts/base.mustache"] {
            #expect(prefix.contains(path), "\(path) is not installed")
        }
        #expect(!prefix.contains("bin/paddock_PaddockTemplateTests.resources"), "no test resources are installed")

        // Mark the installed theme: `paddock init --copy-theme` must copy it, not the checkout's.
        try prefix.write("installed\n", to: "share/paddock/templates/installed-theme.txt")
        let path = prefix.url.appending(path: "bin").path + ":" + (PaddockProcess.plainEnvironment["PATH"] ?? "/usr/bin:/bin")
        let created = try await ChildProcess.run(
            URL(filePath: "/usr/bin/env"), ["paddock", "init", "--copy-theme", "mysite"], in: workspace.url, environment: ["PATH": path],
            timeout: PaddockProcess.timeout)
        #expect(created.succeeded, "\(created.stderrText)")
        #expect(workspace.contains("mysite/templates/installed-theme.txt"), "init copied the theme in share/paddock/templates")

        let built = try await ChildProcess.run(
            URL(filePath: "/usr/bin/env"), ["paddock", "build", "--config", "mysite/paddock.toml"], in: workspace.url,
            environment: ["PATH": path], timeout: PaddockProcess.timeout)
        #expect(built.succeeded, "\(built.stderrText)")
        #expect(built.stdoutText.contains("building from the bundled demo data"))
        #expect(workspace.contains("mysite/public/en/index.html"))
        #expect(workspace.entries == ["mysite"])
    }
}
