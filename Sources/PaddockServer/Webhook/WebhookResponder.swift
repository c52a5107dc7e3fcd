import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Answers the webhook server's routes: `POST /hooks/build`, `GET /builds/{id}`, `GET /healthz`.
struct WebhookResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    static let paddockSignature = HTTPField.Name("X-Paddock-Signature")!
    static let githubSignature = HTTPField.Name("X-Hub-Signature-256")!

    let signature: WebhookSignature
    let coordinator: BuildCoordinator
    let maxBodySize: Int
    let logger: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        let response = await route(request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func route(_ request: Request) async -> Response {
        let path = request.uri.path
        switch path {
        case "/hooks/build":
            guard request.method == .post else { return .methodNotAllowed(allow: "POST") }
            return await trigger(request)
        case "/healthz":
            guard request.method == .get || request.method == .head else { return .methodNotAllowed(allow: "GET, HEAD") }
            let draining = await coordinator.isDraining
            let pending = await coordinator.pendingCount
            return .json(
                draining ? .serviceUnavailable : .ok,
                ["status": draining ? "draining" : "ok", "pendingBuilds": pending])
        default:
            if path.hasPrefix("/builds/") {
                guard request.method == .get || request.method == .head else { return .methodNotAllowed(allow: "GET, HEAD") }
                guard let id = Int(path.dropFirst("/builds/".count)), let record = await coordinator.record(id) else {
                    return .json(.notFound, ["error": "no such build"])
                }
                var headers = HTTPFields()
                headers[.contentType] = "application/json"
                headers[.cacheControl] = "no-store"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: record.jsonData())))
            }
            return .json(.notFound, ["error": "not found"])
        }
    }

    private func trigger(_ request: Request) async -> Response {
        if await coordinator.isDraining { return .draining() }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodySize {
            return .tooLarge(limit: maxBodySize)
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxBodySize)
        } catch is NIOTooManyBytesError {
            return .tooLarge(limit: maxBodySize)
        } catch {
            return .json(.badRequest, ["error": "could not read the request body"])
        }
        let header = request.headers[Self.paddockSignature] ?? request.headers[Self.githubSignature]
        do {
            try signature.verify(header: header, body: body.readableBytesView)
        } catch {
            logger.notice("Webhook trigger refused", metadata: ["webhook.reason": "\(error)"])
            return .json(.unauthorized, ["error": "\(error)"])
        }
        do {
            let ticket = try await coordinator.trigger(refetch: true)
            let retryAfter = await coordinator.retryAfterSeconds
            var response = Response.json(
                .accepted,
                ["id": ticket.id, "state": "queued", "coalesced": ticket.coalesced, "status": "/builds/\(ticket.id)"])
            response.headers[.location] = "/builds/\(ticket.id)"
            response.headers[.retryAfter] = "\(retryAfter)"
            return response
        } catch {
            return .draining()
        }
    }
}

extension Response {
    /// A small JSON answer.
    static func json(_ status: HTTPResponse.Status, _ object: [String: any Sendable]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func methodNotAllowed(allow: String) -> Response {
        var response = json(.methodNotAllowed, ["error": "method not allowed; use \(allow)"])
        response.headers[.allow] = allow
        return response
    }

    static func tooLarge(limit: Int) -> Response {
        var response = json(.contentTooLarge, ["error": "request body over \(limit) bytes"])
        response.headers[.connection] = "close"
        return response
    }

    static func draining() -> Response {
        var response = json(.serviceUnavailable, ["error": "the server is shutting down and takes no new builds"])
        response.headers[.retryAfter] = "30"
        return response
    }
}
