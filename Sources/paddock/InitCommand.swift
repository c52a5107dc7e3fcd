import ArgumentParser
import Foundation
import PaddockSite

/// `paddock init DIR`: writes a starter site to customise.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter site: a commented paddock.toml, pages/index.md and a copy of the default theme.")

    @Argument(help: "The folder to create; it must be new or empty.")
    var directory: String

    @Option(help: "The site title written into paddock.toml.")
    var title: String = "My Stable"

    func run() throws {
        let folder = URL(filePath: directory, relativeTo: URL(filePath: FileManager.default.currentDirectoryPath))
        let written = try SiteStarter.create(at: folder, title: title)
        print("Created a starter site in \(folder.standardizedFileURL.path) (\(written.count) files).")
        print("Next: edit paddock.toml, then run `paddock build` in that folder.")
    }
}
