import Foundation
import PaddockTestSupport

/// Runs the `paddock` binary built beside the test bundle, as a user would, under a deadline.
enum PaddockProcess {
    /// How long one command may take before it is killed and the test fails (a debug build of
    /// the demo site on a busy two-core machine takes well under a minute).
    static let timeout = Duration.seconds(300)

    static var binary: URL {
        URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "paddock")
    }

    /// The environment of a user who set nothing for Paddock: only `PATH`.
    static let plainEnvironment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]

    /// Runs `paddock ARGUMENTS` in `folder` to its end.
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> ChildProcess.Exit {
        try ChildProcess.run(binary, arguments, in: folder, environment: environment ?? plainEnvironment, timeout: timeout)
    }

    /// Runs `paddock ARGUMENTS` in `folder` to its end, off the cooperative pool (so a sandbox or
    /// server in the test process keeps answering it).
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) async throws -> ChildProcess.Exit {
        try await ChildProcess.run(binary, arguments, in: folder, environment: environment ?? plainEnvironment, timeout: timeout)
    }

    /// Starts `paddock ARGUMENTS` in `folder` and leaves it running.
    static func start(_ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil) throws -> ChildProcess {
        try ChildProcess(binary, arguments, in: folder, environment: environment ?? plainEnvironment)
    }
}
