import Foundation
import PaddockTestSupport
import Testing

/// `paddock init DIR` with a relative DIR creates the site inside the current folder.
@Suite struct InitCommandTests {
    @Test(arguments: [
        ("mysite", "mysite"),
        ("sites/one", "sites"),
        ("./nested/../mysite", "mysite"),
    ])
    func createsTheSiteInsideTheCurrentFolder(directory: String, topLevel: String) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let created = try await workspace.run(["init", directory])
        #expect(created.succeeded, "\(created.stderrText)")
        let site = workspace.url(directory).standardizedFileURL
        #expect(created.stdoutText.contains("Created a starter site in \(site.path) ("))
        for file in ["paddock.toml", "pages/index.md", "templates/README.md", ".gitignore"] {
            #expect(FileManager.default.fileExists(atPath: site.appending(path: file).path), "\(file) missing in \(site.path)")
        }
        // The theme is not copied: the site's templates/ only overrides it.
        #expect(!FileManager.default.fileExists(atPath: site.appending(path: "templates/layouts/base.mustache").path))
        #expect(workspace.entries == [topLevel], "nothing is written beside the new site")
    }

    @Test func copyThemeCopiesTheWholeBundledTheme() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let created = try await workspace.run(["init", "--copy-theme", "mysite"])
        #expect(created.succeeded, "\(created.stderrText)")
        for file in ["templates/layouts/base.mustache", "templates/partials/horse-card.mustache", "templates/i18n/de.json", "templates/assets/site.css"] {
            #expect(FileManager.default.fileExists(atPath: workspace.url("mysite").appending(path: file).path), "\(file) missing")
        }
    }

    @Test func refusesAFolderThatHoldsSomethingAndLeavesItAlone() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.folder.write("keep me", to: "mysite/notes.txt")
        let refused = try await workspace.run(["init", "mysite"])
        #expect(!refused.succeeded)
        #expect(refused.stderrText.contains(workspace.url("mysite").path), "the error names the folder: \(refused.stderrText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url("mysite").path) == ["notes.txt"])
    }

    @Test func anEmptyFolderNameIsAUsageError() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let refused = try await workspace.run(["init", ""])
        #expect(refused.status == 64, "ArgumentParser's usage error: \(refused.stderrText)")
        #expect(refused.stderrText.contains("the folder name is empty"))
        #expect(workspace.entries.isEmpty)
    }
}
