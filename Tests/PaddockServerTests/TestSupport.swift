import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import PaddockServer
import ServiceLifecycle

let quietLogger: Logger = {
    var logger = Logger(label: "paddock.tests")
    logger.logLevel = .error
    return logger
}()

/// One client for all tests; redirects are not followed so that tests see them. Its pool waits as
/// long as a request may take, and opens enough connections for the tests that send 40 at once:
/// on two cores busy with the whole suite, a connection can take more than the default 10 s.
let testClient: HTTPClient = {
    var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
    configuration.timeout = .init(connect: .seconds(60), read: .seconds(60))
    configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}()

struct TestResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Sends one request over loopback and reads the whole answer.
func http(
    _ method: HTTPMethod = .GET, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil
) async throws -> TestResponse {
    var request = HTTPClientRequest(url: url)
    request.method = method
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
    let response = try await testClient.execute(request, timeout: .seconds(60))
    let bytes = try await response.body.collect(upTo: 8 << 20)
    var fields: [String: String] = [:]
    for header in response.headers { fields[header.name.lowercased()] = header.value }
    return TestResponse(status: Int(response.status.code), headers: fields, body: String(buffer: bytes))
}

/// Runs `group` until `body` returns, handing it the port the server bound; then shuts the group down gracefully.
func withRunningGroup(
    _ makeGroup: (@escaping @Sendable (Int) async -> Void) -> ServiceGroup,
    _ body: (_ port: Int, _ group: ServiceGroup) async throws -> Void
) async throws {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let group = makeGroup { continuation.yield($0) }
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await tasks.waitForAll()
            throw CancellationError()
        }
        do {
            try await body(port, group)
        } catch {
            await group.triggerGracefulShutdown()
            try? await tasks.waitForAll()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}

/// A group serving `responder` on 127.0.0.1, port 0.
func serviceGroup<R: HTTPResponder>(serving responder: R, onListening: @escaping @Sendable (Int) async -> Void) -> ServiceGroup
where R.Context == BasicRequestContext {
    let app = Application(
        responder: responder,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { await onListening($0.localAddress?.port ?? 0) },
        logger: quietLogger)
    return ServiceGroup(configuration: .init(services: [app], logger: quietLogger))
}

/// Polls `condition` (an async query of real state, not a clock) until it holds; gives up after many tries.
func eventually(_ what: String, tries: Int = 600, _ condition: () async throws -> Bool) async throws {
    for _ in 0..<tries {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw TestFailure("never happened: \(what)")
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The first executable called `name` on `PATH`.
func findExecutable(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appending(path: name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}

/// A real Python interpreter (not a pyenv shim, whose child would outlive a terminated parent).
let pythonInterpreter: URL? = ["/usr/bin/python3", "/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    .map { URL(fileURLWithPath: $0) } ?? findExecutable("python3")
