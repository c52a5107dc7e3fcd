import Foundation
import Hummingbird

/// Husbandry's animals: v2 under `/husbandry/api/v2/api.php` (OAuth bearer), v1 under
/// `/husbandry/v1/api.php` and `/husbandry/api/v1/api.php` (`user_keys`).
extension SandboxResponder {
    func addHusbandryRoutes(to router: Router<SandboxRequestContext>) {
        let v2 = router.group("husbandry/api/v2/api.php")
        v2.get("animals") { request, context in
            try await handle(.husbandryV2, request, context) { input, _ in await v2Animals(input, id: nil) }
        }
        v2.get("animals/:ids") { request, context in
            let id = context.parameters.get("ids")
            return try await handle(.husbandryV2, request, context) { input, _ in await v2Animals(input, id: id) }
        }
        v2.get("profile") { request, context in
            try await handle(.husbandryV2, request, context) { input, _ in await profile(input) }
        }
        v2.get("activities") { request, context in
            try await handle(.husbandryV2, request, context) { input, _ in
                if let failure = await bearerFailure(input, scope: "activity.read") { return failure }
                return .json(.object([("data", .array([])), ("offset", .int(0)), ("limit", .int(100)), ("total", .int(0))]))
            }
        }
        for prefix in ["husbandry/v1/api.php", "husbandry/api/v1/api.php"] {
            let v1 = router.group(RouterPath(prefix))
            v1.get("animals") { request, context in
                try await handle(.husbandryV1, request, context) { input, _ in v1Animals(input, id: nil) }
            }
            v1.get("animal/:ids") { request, context in
                let id = context.parameters.get("ids")
                return try await handle(.husbandryV1, request, context) { input, _ in v1Animals(input, id: id) }
            }
        }
    }

    /// `nil` when the bearer token is valid and carries `scope`.
    func bearerFailure(_ input: RouteInput, scope: String) async -> SandboxReply? {
        let header = input.header("Authorization") ?? ""
        guard header.lowercased().hasPrefix("bearer ") else {
            return .json(HusbandryWire.error("access_denied", "The resource owner or authorization server denied the request."),
                         status: 401, headers: [("WWW-Authenticate", "Bearer realm=\"husbandry\"")])
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        switch await oauth.check(accessToken: token, scope: scope) {
        case .valid: return nil
        case .insufficientScope:
            return .json(HusbandryWire.error("insufficient_scope", "The requested scope is insufficient for accessing the requested resource."),
                         status: 403, headers: [("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"\(scope)\"")])
        case .expired:
            return .json(HusbandryWire.error("access_denied", "The access token has expired."), status: 401,
                         headers: [("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"The access token expired\"")])
        case .unknown:
            return .json(HusbandryWire.error("access_denied", "The resource owner or authorization server denied the request."), status: 401,
                         headers: [("WWW-Authenticate", "Bearer error=\"invalid_token\"")])
        }
    }

    func profile(_ input: RouteInput) async -> SandboxReply {
        if let failure = await bearerFailure(input, scope: "profile.read") { return failure }
        let b = store.breeders[options.husbandryV2Breeder]
        return .json(.object([("first_name", .string(b.first_name)), ("last_name", .string(b.last_name)), ("email", .string(b.email))]))
    }

    func v2Animals(_ input: RouteInput, id: String?) async -> SandboxReply {
        if let failure = await bearerFailure(input, scope: "animal.read") { return failure }
        return animals(input, breeders: [options.husbandryV2Breeder], version: .v2, id: id)
    }

    func v1Animals(_ input: RouteInput, id: String?) -> SandboxReply {
        let keys = input.query.all("user_keys")
        guard !keys.isEmpty else {
            return .json(HusbandryWire.error("access_denied", "user_keys is missing."), status: 401)
        }
        var breeders: [Int] = []
        for (n, key) in keys.enumerated() {
            guard let index = store.breeders.firstIndex(where: { $0.key == key }) else {
                return .json(HusbandryWire.error("access_denied", "User key number \(n + 1) is not valid."), status: 401)
            }
            if !breeders.contains(index) { breeders.append(index) }
        }
        return animals(input, breeders: breeders, version: .v1, id: id)
    }

    private func animals(_ input: RouteInput, breeders: [Int], version: HusbandryWire.Version, id: String?) -> SandboxReply {
        let store = self.store   // one reading of the data for the whole answer (it may change between requests)
        let wire = HusbandryWire(store: store, context: input.wire, version: version)
        let owned = store.animals.enumerated().filter { breeders.contains($0.element.breeder) }
        if let id {
            guard let found = owned.first(where: { $0.element.ids == id }) else {
                return .json(HusbandryWire.error("not_found", "Animal \(id) was not found."), status: 404)
            }
            return .json(wire.animal(found.element, index: found.offset))
        }
        let q = input.query
        let limitText = q.first("limit") ?? "100"
        let pageText = q.first("page") ?? "1"
        guard let limit = Int(limitText), limit > 0, let page = Int(pageText), page > 0 else {
            return .json(HusbandryWire.error("invalid_request", "limit and page must be positive numbers."), status: 400)
        }
        let filtered = HusbandryQuery(fields: q, store: store).apply(owned)
        let size = min(limit, 100)
        let slice = filtered.dropFirst((page - 1) * size).prefix(size)
        return .json(wire.page(slice.map { wire.animal($0.element, index: $0.offset) }, page: page, limit: size, total: filtered.count))
    }
}
