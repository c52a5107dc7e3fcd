import Hummingbird

/// Answers requests no route matched through the sandbox's own handler, so they are logged (and
/// delayed, and faulted) like the others: a client calling a wrong path shows up in the request log.
struct NotFoundRecorder: RouterMiddleware {
    typealias Context = SandboxRequestContext
    let responder: SandboxResponder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return try await responder.handle(.other, request, context) { _, _ in
                .json(.object([("status", .bool(false)), ("msg", .string("No route for \(request.method) \(request.uri.path)"))]), status: 404)
            }
        }
    }
}
