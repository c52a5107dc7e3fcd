import Foundation
import PaddockTestSupport
import Testing

/// The folder a user's shell is in: tests run `paddock` here with paths relative to it, and
/// look at what the commands created and where.
struct Workspace {
    let folder: TemporaryFolder
    var url: URL { folder.url }

    init() throws { folder = try TemporaryFolder("paddock-cli-cwd") }

    func remove() { folder.remove() }

    /// `relative` inside the workspace.
    func url(_ relative: String) -> URL { url.appending(path: relative) }

    /// Whether `relative` exists inside the workspace.
    func contains(_ relative: String) -> Bool { folder.contains(relative) }

    /// The names directly in the workspace: a command given relative paths writes nowhere else.
    var entries: Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
    }

    /// Runs `paddock ARGUMENTS` with the workspace as the current folder.
    func run(_ arguments: [String], environment: [String: String] = PaddockProcess.plainEnvironment) async throws -> ChildProcess.Exit {
        try await PaddockProcess.run(arguments, in: url, environment: environment)
    }

    /// Starts `paddock ARGUMENTS` with the workspace as the current folder.
    func start(_ arguments: [String], environment: [String: String] = PaddockProcess.plainEnvironment) throws -> ChildProcess {
        try PaddockProcess.start(arguments, in: url, environment: environment)
    }

    /// `paddock init PATH`, which must succeed.
    func initSite(_ path: String) async throws {
        let created = try await run(["init", path])
        try #require(created.succeeded, "paddock init \(path): \(created.stderrText)")
    }

    /// Writes a credentials file readable by its owner only, as Paddock requires.
    func writeCredentials(_ json: String, to relative: String) throws {
        try folder.write(json, to: relative)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url(relative).path)
    }
}
