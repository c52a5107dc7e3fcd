import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PaddockCatalogue

/// What a route sees of a request: parsed query, body and language, and the wire context.
struct RouteInput: Sendable {
    var query: FormFields
    var body: [UInt8]
    var headers: HTTPFields
    var wire: WireContext
    var baseURL: String

    var bodyText: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
}

/// Wraps every route: records the request, waits the latency, applies faults, answers.
struct SandboxResponder: Sendable {
    let store: DemoStore
    let options: SandboxOptions
    let plan: FaultPlan
    let log: SandboxRequestLog
    let oauth: OAuthState
    let logger: Logger

    typealias Route = @Sendable (RouteInput, SandboxRequestContext) async throws -> SandboxReply

    func handle(_ service: SandboxService, _ request: Request, _ context: SandboxRequestContext, _ route: Route) async throws -> Response {
        let body = try await Array(buffer: request.body.collect(upTo: context.maxUploadSize))
        let query = request.uri.query ?? ""
        let path = request.uri.path
        let now = ContinuousClock.now
        let id = await log.begin(record(service, request, path: path, query: query, body: body, now: now))
        let decision = await plan.decide(method: request.method.rawValue, path: path, service: service, at: now)
        if decision.violation { await log.markViolation(id) }
        if options.latency > .zero { try? await Task.sleep(for: options.latency) }
        if case .delay(let extra) = decision.kind { try? await Task.sleep(for: extra) }

        if let seconds = decision.retryAfterRemaining {
            await log.finish(id, status: 429, fault: decision.label)
            return response(tooMany(service, seconds: seconds))
        }
        switch decision.kind {
        case .status(let code):
            await log.finish(id, status: code, fault: decision.label)
            return response(failure(service, status: code))
        case .tooManyRequests(let seconds):
            await log.finish(id, status: 429, fault: decision.label)
            return response(tooMany(service, seconds: seconds))
        case .dropConnection:
            await log.finish(id, status: nil, fault: decision.label)
            try? await context.channel.close()
            return Response(status: .internalServerError)
        default:
            break
        }
        let input = RouteInput(query: FormFields(query), body: body, headers: request.headers,
                               wire: wireContext(request), baseURL: baseURL(request))
        var reply: SandboxReply
        do {
            reply = try await route(input, context)
        } catch {
            logger.error("sandbox route failed", metadata: ["sandbox.path": "\(path)", "error": "\(error)"])
            reply = failure(service, status: 500)
        }
        switch decision.kind {
        case .invalidJSON:
            reply.body = Array(reply.body.prefix(reply.body.count / 2))
            await log.finish(id, status: reply.status, fault: decision.label)
            return response(reply)
        case .truncatedBody:
            await log.finish(id, status: reply.status, fault: decision.label)
            return truncated(reply, channel: context.channel)
        default:
            await log.finish(id, status: reply.status, fault: nil)
            return response(reply)
        }
    }

    // MARK: - Building answers

    func response(_ reply: SandboxReply) -> Response {
        var fields = HTTPFields()
        for (name, value) in reply.headers { if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) } }
        return Response(status: .init(code: reply.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    private func truncated(_ reply: SandboxReply, channel: any Channel) -> Response {
        var fields = HTTPFields()
        for (name, value) in reply.headers { if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) } }
        let half = Array(reply.body.prefix(reply.body.count / 2))
        let body = ResponseBody(contentLength: reply.body.count) { writer in
            try await writer.write(ByteBuffer(bytes: half))
            try? await channel.close()
            throw CancellationError()
        }
        return Response(status: .init(code: reply.status), headers: fields, body: body)
    }

    private func failure(_ service: SandboxService, status: Int) -> SandboxReply {
        switch service {
        case .equicty: .json(EquictyWire.error("Something went wrong on the server."), status: status)
        case .husbandryOAuth, .husbandryV1, .husbandryV2:
            .json(HusbandryWire.error("server_error", "The server encountered an unexpected condition."), status: status)
        case .media, .other: .html("<h1>\(status)</h1>", status: status)
        }
    }

    private func tooMany(_ service: SandboxService, seconds: Int) -> SandboxReply {
        var reply: SandboxReply = switch service {
        case .equicty: .json(EquictyWire.error("Too many requests, retry in \(seconds) seconds."), status: 429)
        case .husbandryOAuth, .husbandryV1, .husbandryV2:
            .json(HusbandryWire.error("rate_limited", "Too many requests, retry in \(seconds) seconds."), status: 429)
        case .media, .other: .html("<h1>429</h1>", status: 429)
        }
        reply.headers.append(("Retry-After", String(seconds)))
        return reply
    }

    // MARK: - Request facts

    private func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "\(options.host):\(options.port)"
        return "http://\(host)"
    }

    private func wireContext(_ request: Request) -> WireContext {
        WireContext(
            language: WireContext.language(fromAcceptLanguage: request.headers[.acceptLanguage]),
            mediaBase: baseURL(request) + "/media", today: options.today ?? Self.todayUTC(), variants: options.variants)
    }

    static func todayUTC() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }

    private func record(_ service: SandboxService, _ request: Request, path: String, query: String, body: [UInt8],
                        now: ContinuousClock.Instant) -> SandboxRequest {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName.lowercased()
            var value = field.value
            if ["authorization", "cookie", "proxy-authorization", "x-api-key"].contains(name) {
                value = (value.split(separator: " ").first.map { "\($0) " } ?? "") + "<redacted>"
            }
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        let secrets: Set<String> = ["user_keys", "code", "refresh_token", "client_secret", "access_token", "state"]
        let isToken = path.hasSuffix("access_token")
        let form = isToken ? FormFields(String(decoding: body, as: UTF8.self)) : nil
        return SandboxRequest(
            id: 0, service: service, method: request.method.rawValue, path: path,
            query: FormFields.redact(query, secrets: secrets), headers: headers,
            body: service == .equicty && !body.isEmpty ? String(decoding: body, as: UTF8.self) : nil,
            grantType: form?.first("grant_type") ?? (isToken ? JSONBody(body)?.string("grant_type") : nil),
            receivedAt: Date(), receivedInstant: now, inFlightAtArrival: 0, status: nil, fault: nil,
            violatedRetryAfter: false)
    }
}
