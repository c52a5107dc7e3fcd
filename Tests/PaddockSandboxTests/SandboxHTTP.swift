import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
@testable import PaddockSandbox

/// A plain HTTP client for the tests: one request, the whole answer, no redirects followed.
struct SandboxHTTP {
    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
        func object() throws -> [String: Any] {
            guard let o = try json() as? [String: Any] else { throw TestFailure("not a JSON object: \(text.prefix(200))") }
            return o
        }
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static func withClient<T>(_ body: (SandboxHTTP) async throws -> T) async throws -> T {
        let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(30), read: .seconds(60))))
        do {
            let result = try await body(SandboxHTTP(client: client))
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    let client: HTTPClient

    func send(_ url: String, method: HTTPMethod = .GET, headers: [(String, String)] = [], body: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 8 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }

    /// An Equicty request with the sandbox key.
    func equicty(_ sandbox: SandboxServer, _ path: String, method: HTTPMethod = .GET, language: String? = nil, body: String? = nil,
                 key: String? = nil) async throws -> Answer {
        var headers = [("Authorization", "Bearer \(key ?? sandbox.options.equictyAPIKey)"), ("Content-Type", "application/json")]
        if let language { headers.append(("Accept-Language", language)) }
        return try await send(sandbox.equictyBaseURL + path, method: method, headers: headers, body: body)
    }
}

/// `{"data": x}` → x; anything else as it is.
func unwrapData(_ value: Any) -> Any {
    if let o = value as? [String: Any], o.count == 1, let inner = o["data"] { return inner }
    return value
}
