import ArgumentParser
import Foundation
import PaddockSite

/// `paddock init DIR`: writes a starter site to customise.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter site: a commented paddock.toml, pages/index.md and a templates/ folder that overrides the bundled theme file by file.")

    @Argument(help: "The folder to create (relative to the current folder); it must be new or empty.")
    var directory: String

    @Option(help: "The site title written into paddock.toml.")
    var title: String = "My Stable"

    @Flag(help: "Copy the whole default theme into templates/ (by default it starts empty and only your changed files go there).")
    var copyTheme = false

    func validate() throws {
        guard !directory.isEmpty else { throw ValidationError("the folder name is empty") }
    }

    func run() throws {
        let folder = CommandLinePath.resolve(directory)
        let written = try SiteStarter.create(at: folder, title: title, copyTheme: copyTheme)
        print("Created a starter site in \(folder.path) (\(written.count) files).")
        print("Next: edit paddock.toml there, then run `paddock build` in that folder (or `paddock build --config \(directory)/paddock.toml`).")
    }
}
