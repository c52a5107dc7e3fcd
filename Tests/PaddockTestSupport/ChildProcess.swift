#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A child process started by a test, with a deadline on every wait: a child that does not print
/// what the test waits for, or does not exit in time, is killed (SIGKILL) and the wait throws
/// ``ChildProcessTimeout``, so a stuck child fails the test instead of hanging it.
///
/// Its standard output and error are read on threads of their own from the start, so a child that
/// prints a lot never blocks on a full pipe. The `async` waits block a thread of their own, not
/// the cooperative pool, so servers in the test process keep answering the child.
///
/// ```swift
/// let child = try ChildProcess(paddock, ["serve", "--port", "0"], in: folder.url)
/// let banner = try await child.waitForOutput(timeout: .seconds(60)) { $0.contains("Serving http://") }
/// child.signal(SIGTERM)
/// let exit = try await child.waitForExit(timeout: .seconds(30))
/// ```
package final class ChildProcess: @unchecked Sendable {
    /// How a child ended, and everything it printed.
    package struct Exit: Sendable {
        /// The exit status, or the signal number when ``signalled``.
        package var status: Int32
        /// Whether a signal ended the child.
        package var signalled: Bool
        package var stdout: Data
        package var stderr: Data
        package var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        package var stderrText: String { String(decoding: stderr, as: UTF8.self) }
        /// Whether the child exited by itself with status 0.
        package var succeeded: Bool { !signalled && status == 0 }
    }

    private let process = Process()
    private let state: OutputState

    /// Starts `executable` with `arguments`.
    /// - Parameters:
    ///   - folder: the working directory (default: the test process's).
    ///   - environment: the whole environment (default: the test process's).
    ///   - mergingErrorIntoOutput: the child's standard error goes to its standard output.
    ///   - standardInput: what the child reads (default: nothing, `/dev/null`).
    package init(_ executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil,
                 mergingErrorIntoOutput: Bool = false, standardInput: Pipe? = nil) throws {
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        process.standardInput = standardInput ?? FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = mergingErrorIntoOutput ? out : err
        let state = OutputState(streams: mergingErrorIntoOutput ? 1 : 2)
        self.state = state
        process.terminationHandler = { _ in state.update { $0.exited = true } }
        try process.run()
        state.read(out.fileHandleForReading, isOutput: true)
        if !mergingErrorIntoOutput { state.read(err.fileHandleForReading, isOutput: false) }
    }

    /// A child the test no longer holds is killed (a test that threw early leaves nothing running).
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    package var processIdentifier: Int32 { process.processIdentifier }

    /// What the child printed to standard output so far.
    package var outputSoFar: String { state.update { String(decoding: $0.stdout, as: UTF8.self) } }

    /// Sends `signal` to the child (nothing when it has exited).
    package func signal(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Waits until the standard output printed so far satisfies `condition`, and returns it.
    /// - Throws: ``ChildProcessTimeout`` (the child is killed) when it takes longer than `timeout`,
    ///   ``ChildProcessEnded`` when the child closes its output first.
    package func waitForOutput(timeout: Duration, until satisfied: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout.timeInterval)
        let condition = state.condition
        condition.lock()
        while true {
            let text = String(decoding: state.stdout, as: UTF8.self)
            if satisfied(text) { condition.unlock(); return text }
            if state.stdoutClosed {
                let ended = ChildProcessEnded(output: text, errorOutput: String(decoding: state.stderr, as: UTF8.self))
                condition.unlock()
                throw ended
            }
            if !condition.wait(until: deadline) {
                condition.unlock()
                throw killAfterTimeout(timeout, waitingFor: "such output")
            }
        }
    }

    /// Waits until the child has exited and closed its output, and returns how it ended.
    /// - Throws: ``ChildProcessTimeout`` (the child is killed) when it takes longer than `timeout`.
    package func waitForExit(timeout: Duration) throws -> Exit {
        let deadline = Date().addingTimeInterval(timeout.timeInterval)
        let condition = state.condition
        condition.lock()
        while !(state.exited && state.openStreams == 0) {
            if !condition.wait(until: deadline) {
                condition.unlock()
                throw killAfterTimeout(timeout, waitingFor: "exit")
            }
        }
        let exit = Exit(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                        stdout: state.stdout, stderr: state.stderr)
        condition.unlock()
        return exit
    }

    /// ``waitForOutput(timeout:until:)`` on a thread of its own.
    package func waitForOutput(timeout: Duration, until satisfied: @escaping @Sendable (String) -> Bool) async throws -> String {
        try await Self.offThePool { try self.waitForOutput(timeout: timeout, until: satisfied) }
    }

    /// ``waitForExit(timeout:)`` on a thread of its own.
    package func waitForExit(timeout: Duration) async throws -> Exit {
        try await Self.offThePool { try self.waitForExit(timeout: timeout) }
    }

    /// Runs `executable` to its end and returns how it ended.
    package static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil,
                            timeout: Duration) throws -> Exit {
        try ChildProcess(executable, arguments, in: folder, environment: environment).waitForExit(timeout: timeout)
    }

    /// ``run(_:_:in:environment:timeout:)`` on a thread of its own.
    package static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil, environment: [String: String]? = nil,
                            timeout: Duration) async throws -> Exit {
        let child = try ChildProcess(executable, arguments, in: folder, environment: environment)
        return try await child.waitForExit(timeout: timeout)
    }

    /// Kills the child, waits briefly for it to go, and describes what the test waited for.
    private func killAfterTimeout(_ timeout: Duration, waitingFor what: String) -> ChildProcessTimeout {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let deadline = Date().addingTimeInterval(10)
        let condition = state.condition
        condition.lock()
        while !state.exited, condition.wait(until: deadline) {}
        let error = ChildProcessTimeout(
            executable: process.executableURL?.lastPathComponent ?? "?", arguments: process.arguments ?? [], waitingFor: what,
            timeout: timeout, output: String(decoding: state.stdout, as: UTF8.self),
            errorOutput: String(decoding: state.stderr, as: UTF8.self))
        condition.unlock()
        return error
    }

    private static func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }
}

/// A child did not print what was waited for, or did not exit, in time; it was killed.
package struct ChildProcessTimeout: Error, CustomStringConvertible {
    package var executable: String
    package var arguments: [String]
    package var waitingFor: String
    package var timeout: Duration
    package var output: String
    package var errorOutput: String

    package var description: String {
        "\(executable) \(arguments.joined(separator: " ")): no \(waitingFor) within \(timeout); killed.\n"
            + "stdout:\n\(output)\nstderr:\n\(errorOutput)"
    }
}

/// A child closed its output before printing what was waited for.
package struct ChildProcessEnded: Error, CustomStringConvertible {
    package var output: String
    package var errorOutput: String

    package var description: String { "the child ended before printing what was expected.\nstdout:\n\(output)\nstderr:\n\(errorOutput)" }
}

/// What a child printed and whether it has gone, shared with the threads that read its output
/// (they hold this, not the ``ChildProcess``, so dropping the child object kills the child).
private final class OutputState: @unchecked Sendable {
    let condition = NSCondition()
    // Guarded by `condition`.
    var stdout = Data()
    var stderr = Data()
    var openStreams: Int
    var stdoutClosed = false
    var exited = false

    init(streams: Int) { openStreams = streams }

    /// Runs `change` under the lock and wakes every waiter.
    func update<T>(_ change: (OutputState) -> T) -> T {
        condition.lock()
        defer { condition.broadcast(); condition.unlock() }
        return change(self)
    }

    /// Reads `handle` to its end on a thread of its own.
    func read(_ handle: FileHandle, isOutput: Bool) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                update { state in
                    if chunk.isEmpty {
                        state.openStreams -= 1
                        if isOutput { state.stdoutClosed = true }
                    } else if isOutput {
                        state.stdout.append(chunk)
                    } else {
                        state.stderr.append(chunk)
                    }
                }
                if chunk.isEmpty { break }
            }
        }
        thread.name = "paddock.tests.child-output"
        thread.start()
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var timeInterval: TimeInterval {
        TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }
}
