import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PaddockCatalogue

/// Wraps every route: records the request, waits the latency, applies faults, adds validators and
/// answers conditional requests, answers.
struct SandboxResponder: Sendable {
    let storeBox: DemoStoreBox
    /// The data as served now (``SandboxServer/serve(changes:)`` changes it between requests).
    var store: DemoStore { storeBox.store }
    let options: SandboxOptions
    let plan: FaultPlan
    let log: SandboxRequestLog
    let oauth: OAuthState
    let smaxtecTokens: SmaxtecTokens
    let logger: Logger
    /// When each answer was first served, for `Last-Modified`.
    let lastModifiedBook = LastModifiedBook()
    /// The generated and hostile pictures, made once.
    let pictures = SandboxPictures()

    typealias Route = @Sendable (RouteInput, SandboxRequestContext) async throws -> SandboxReply

    func handle(_ service: SandboxService, _ request: Request, _ context: SandboxRequestContext, _ route: Route) async throws -> Response {
        // Arrival is when the head came in, before the body is read.
        let now = ContinuousClock.now
        let body = try await Array(buffer: request.body.collect(upTo: context.maxUploadSize))
        let query = request.uri.query ?? ""
        let path = request.uri.path
        let id = await log.begin(record(service, request, path: path, query: query, body: body, now: now))
        let decision = await plan.decide(method: request.method.rawValue, path: path, service: service, at: now)
        if decision.violation { await log.markViolation(id) }
        // The latency runs from arrival, so the sandbox's own work is hidden inside it.
        var deadline = now + options.latency
        if case .delay(let extra) = decision.kind { deadline += extra }

        if let window = decision.window {
            await waitOut(deadline)
            let retryAfter = await plan.retryAfter(inside: window, at: .now)
            await log.finish(id, status: 429, fault: decision.label)
            return response(tooMany(service, retryAfter: retryAfter, seconds: FaultPlan.seconds(window.until - .now)))
        }
        switch decision.kind {
        case .status(let code):
            await waitOut(deadline)
            await log.finish(id, status: code, fault: decision.label)
            return response(failure(service, status: code))
        case .tooManyRequests(let seconds):
            await waitOut(deadline)
            let window = await plan.openRetryAfterWindow(service, seconds: seconds, openedBy: id, at: .now, wallClock: Date())
            await log.recordWindow(window)
            await log.finish(id, status: 429, fault: decision.label)
            return response(tooMany(service, retryAfter: window.retryAfter, seconds: seconds))
        case .dropConnection:
            await waitOut(deadline)
            await log.finish(id, status: nil, fault: decision.label)
            try? await context.channel.close()
            return Response(status: .internalServerError)
        default:
            break
        }
        let input = RouteInput(query: FormFields(query), body: body, headers: request.headers,
                               wire: wireContext(request, context), baseURL: baseURL(request, context))
        var reply: SandboxReply
        do {
            reply = try await route(input, context)
        } catch {
            logger.error("sandbox route failed", metadata: ["sandbox.path": "\(path)", "error": "\(error)"])
            reply = failure(service, status: 500)
        }
        await waitOut(deadline)
        let resource = "\(request.method.rawValue) \(path)?\(query) \(input.wire.language) \(String(decoding: body, as: UTF8.self))"
        if let unchanged = await revalidate(&reply, service: service, method: request.method.rawValue, path: path,
                                            resource: resource, input: input) {
            // A body fault has no body to cut here; only a delay was applied.
            let applied: String? = if case .delay = decision.kind { decision.label } else { nil }
            await log.finish(id, status: unchanged.status, fault: applied)
            return response(unchanged)
        }
        switch decision.kind {
        case .invalidJSON:
            reply.body = Array(reply.body.prefix(reply.body.count / 2))
            await log.finish(id, status: reply.status, fault: decision.label)
            return response(reply)
        case .cutBody:
            reply.body = Self.cutShort(reply.body)
            await log.finish(id, status: reply.status, fault: decision.label)
            return response(reply)
        case .truncatedBody:
            await log.finish(id, status: reply.status, fault: decision.label)
            return truncated(reply, channel: context.channel)
        default:
            await log.finish(id, status: reply.status, fault: decision.label)
            return response(reply)
        }
    }

    private func waitOut(_ deadline: ContinuousClock.Instant) async {
        if deadline > .now { try? await Task.sleep(until: deadline, clock: .continuous) }
    }

    // MARK: - Building answers

    func response(_ reply: SandboxReply) -> Response {
        var fields = HTTPFields()
        for (name, value) in reply.headers { if let n = HTTPField.Name(name) { fields.append(HTTPField(name: n, value: value)) } }
        return Response(status: .init(code: reply.status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// The bytes before the last `<`, line break or `,` in the first half of `body` (its first half
    /// when there is none): what is left looks finished where it stops.
    static func cutShort(_ body: [UInt8]) -> [UInt8] {
        let half = body.count / 2
        let boundary = body[..<half].lastIndex { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: ",") }
        return Array(body[..<(boundary.flatMap { $0 > 0 ? $0 : nil } ?? half)])
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

    /// The error answer of an injected status, worded as each service words it.
    private func failure(_ service: SandboxService, status: Int) -> SandboxReply {
        switch service {
        case .equicty:
            let message = switch status {
            case 401: "No valid API key provided."
            case 400..<500: "The request was unacceptable."
            default: "Something went wrong on the server."
            }
            return .json(EquictyWire.error(message), status: status)
        case .husbandryOAuth, .husbandryV1, .husbandryV2:
            let (code, text) = switch status {
            case 401: ("access_denied", "The resource owner or authorization server denied the request.")
            case 403: ("insufficient_scope", "The requested scope is insufficient for accessing the requested resource.")
            case 400..<500: ("invalid_request", "The request is missing a parameter or is otherwise malformed.")
            default: ("server_error", "The server encountered an unexpected condition.")
            }
            return .json(HusbandryWire.error(code, text), status: status)
        case .smaxtec, .smaxtecToken:
            let text = switch status {
            case 401: "Not authenticated"
            case 400..<500: "Bad request"
            default: "Internal Server Error"
            }
            return .json(.object([("detail", .string(text))]), status: status)
        case .media, .other:
            return .html("<h1>\(status)</h1>", status: status)
        }
    }

    private func tooMany(_ service: SandboxService, retryAfter: String, seconds: Int) -> SandboxReply {
        var reply: SandboxReply = switch service {
        case .equicty: .json(EquictyWire.error("Too many requests, retry in \(seconds) seconds."), status: 429)
        case .husbandryOAuth, .husbandryV1, .husbandryV2:
            .json(HusbandryWire.error("rate_limited", "Too many requests, retry in \(seconds) seconds."), status: 429)
        case .smaxtec, .smaxtecToken: .json(.object([("detail", .string("Rate limit exceeded, retry in \(seconds) seconds."))]), status: 429)
        case .media, .other: .html("<h1>429</h1>", status: 429)
        }
        reply.headers.append(("Retry-After", retryAfter))
        return reply
    }

    // MARK: - Request facts

    /// From the `Host` the client used, so URLs in answers point back where it came from.
    private func baseURL(_ request: Request, _ context: SandboxRequestContext) -> String {
        let host = request.head.authority ?? "\(options.host):\(context.channel.localAddress?.port ?? options.port)"
        return "http://\(host)"
    }

    private func wireContext(_ request: Request, _ context: SandboxRequestContext) -> WireContext {
        WireContext(
            language: WireContext.language(fromAcceptLanguage: request.headers[.acceptLanguage]),
            mediaBase: baseURL(request, context) + "/media", today: options.today ?? Self.todayUTC(), variants: options.variants,
            photographs: options.photographs)
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
                // Keep the scheme ("Bearer") only when there is one; a bare credential is all secret.
                let parts = value.split(separator: " ", maxSplits: 1)
                value = parts.count == 2 ? "\(parts[0]) <redacted>" : "<redacted>"
            }
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        let secrets: Set<String> = ["user_keys", "code", "refresh_token", "client_secret", "access_token", "state", "password"]
        let isToken = path.hasSuffix("access_token")
        let form = isToken ? FormFields(String(decoding: body, as: UTF8.self)) : nil
        return SandboxRequest(
            id: 0, service: service, method: request.method.rawValue, path: path,
            query: FormFields.redact(query, secrets: secrets), headers: headers,
            body: service == .equicty && !body.isEmpty ? String(decoding: body, as: UTF8.self) : nil,
            grantType: form?.first("grant_type") ?? (isToken ? JSONBody(body)?.string("grant_type") : nil),
            receivedAt: Date(), receivedInstant: now, answeredInstant: nil, inFlightAtArrival: 0, status: nil, fault: nil,
            violatedRetryAfter: false)
    }
}
