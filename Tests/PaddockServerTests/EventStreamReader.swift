import AsyncHTTPClient
import NIOCore

/// Reads a `text/event-stream` answer chunk by chunk.
struct EventStreamReader {
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private(set) var received = ""

    /// Opens `url` and waits for the server's first comment (the tab is subscribed from then on).
    static func open(_ url: String) async throws -> EventStreamReader {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "text/event-stream")
        let response = try await testClient.execute(request, timeout: .seconds(300))
        guard response.status.code == 200, response.headers.first(name: "content-type") == "text/event-stream" else {
            throw TestFailure("event stream answered \(response.status.code)")
        }
        var reader = EventStreamReader(iterator: response.body.makeAsyncIterator())
        try await reader.read(until: "retry: 1000\n\n")
        return reader
    }

    private init(iterator: HTTPClientResponse.Body.AsyncIterator) { self.iterator = iterator }

    /// Reads until `marker` appeared after what was consumed before; returns the text up to and including it.
    @discardableResult
    mutating func read(until marker: String) async throws -> String {
        while true {
            if let range = received.range(of: marker) {
                let upTo = String(received[..<range.upperBound])
                received = String(received[range.upperBound...])
                return upTo
            }
            guard let chunk = try await iterator.next() else { throw TestFailure("event stream ended before \(marker)") }
            received += String(buffer: chunk)
        }
    }
}
