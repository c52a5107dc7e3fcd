import Foundation
import Hummingbird

/// The smaXtec API under `/smaxtec/api` (the real one is `https://api.smaxtec.com/api`):
/// `GET v1/user/get_token?email=…&password=…`, then with `Authorization: bearer <token>`
/// `GET v1/organisation`, `GET v2/integration/organisations/{id}/animals`, `…/animals/{official_id}`
/// and `…/animals/{official_id}/events`.
extension SandboxResponder {
    func addSmaxtecRoutes(to router: Router<SandboxRequestContext>) {
        let api = router.group("smaxtec/api")
        api.get("v1/user/get_token") { request, context in
            try await handle(.smaxtecToken, request, context) { input, _ in await smaxtecToken(input) }
        }
        api.get("v1/organisation") { request, context in
            try await handle(.smaxtec, request, context) { input, _ in
                if let failure = await smaxtecBearerFailure(input) { return failure }
                return .raw(store.herd.organisationsBody)
            }
        }
        let organisations = api.group("v2/integration/organisations")
        organisations.get(":org/animals") { request, context in
            let org = Self.decoded(context.parameters.get("org"))
            return try await handle(.smaxtec, request, context) { input, _ in
                if let failure = await smaxtecBearerFailure(input) { return failure }
                guard let body = store.herd.animalsBodies[org] else { return Self.smaxtecNotFound("organisation \(org)") }
                return .raw(body)
            }
        }
        organisations.get(":org/animals/:official") { request, context in
            let org = Self.decoded(context.parameters.get("org")), official = Self.decoded(context.parameters.get("official"))
            return try await handle(.smaxtec, request, context) { input, _ in
                if let failure = await smaxtecBearerFailure(input) { return failure }
                guard let cow = store.herd.organisation(org)?.animals.first(where: { $0.officialID == official }) else {
                    return Self.smaxtecNotFound("animal \(official)")
                }
                return .raw(cow.body)
            }
        }
        organisations.get(":org/animals/:official/events") { request, context in
            let org = Self.decoded(context.parameters.get("org")), official = Self.decoded(context.parameters.get("official"))
            return try await handle(.smaxtec, request, context) { input, _ in
                if let failure = await smaxtecBearerFailure(input) { return failure }
                guard let cow = store.herd.organisation(org)?.animals.first(where: { $0.officialID == official }) else {
                    return Self.smaxtecNotFound("animal \(official)")
                }
                return .raw(cow.eventsBody)
            }
        }
    }

    /// A path segment as sent, percent-decoded (an ear tag may hold `/`, `%` or `..`, sent encoded).
    static func decoded(_ segment: String?) -> String {
        guard let segment else { return "" }
        return segment.removingPercentEncoding ?? segment
    }

    func smaxtecToken(_ input: RouteInput) async -> SandboxReply {
        guard input.query.first("email") == options.smaxtecEmail, input.query.first("password") == options.smaxtecPassword else {
            return .json(.object([("detail", .string("Invalid email or password."))]), status: 401)
        }
        return .json(.object([("token", .string(await smaxtecTokens.issue()))]))
    }

    /// `nil` when the request carries a token the sandbox issued and that has not expired
    /// (`bearer` in any case, as the document writes it both ways).
    func smaxtecBearerFailure(_ input: RouteInput) async -> SandboxReply? {
        let header = input.header("Authorization") ?? ""
        guard header.lowercased().hasPrefix("bearer ") else {
            return .json(.object([("detail", .string("Not authenticated"))]), status: 401,
                         headers: [("WWW-Authenticate", "Bearer")])
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard await smaxtecTokens.isValid(token) else {
            return .json(.object([("detail", .string("Token expired or invalid"))]), status: 401,
                         headers: [("WWW-Authenticate", "Bearer error=\"invalid_token\"")])
        }
        return nil
    }

    static func smaxtecNotFound(_ what: String) -> SandboxReply {
        .json(.object([("detail", .string("\(what) not found"))]), status: 404)
    }
}
