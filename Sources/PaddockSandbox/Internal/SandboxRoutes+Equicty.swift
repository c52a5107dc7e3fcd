import Foundation
import Hummingbird
import PaddockCatalogue

/// Equicty's website API under `/equicty/api`: list, details and HorseTelex pedigree.
extension SandboxResponder {
    func addEquictyRoutes(to router: Router<SandboxRequestContext>) {
        let group = router.group("equicty/api/public/web")
        group.post("horses") { request, context in
            try await handle(.equicty, request, context) { input, _ in listHorses(input) }
        }
        group.get("horses/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await handle(.equicty, request, context) { input, _ in horseDetails(id: id, input) }
        }
        group.post("horses/pedigree/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await handle(.equicty, request, context) { input, _ in pedigree(id: id, input) }
        }
    }

    /// `nil` when the key is right; else the documented 401.
    private func equictyAuthFailure(_ input: RouteInput) -> SandboxReply? {
        let header = input.header("Authorization") ?? ""
        var key: String?
        if header.lowercased().hasPrefix("bearer ") {
            key = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        } else if header.lowercased().hasPrefix("basic "),
                  let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                  let decoded = String(data: data, encoding: .utf8) {
            key = decoded.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        }
        guard let key, !key.isEmpty else {
            return .json(EquictyWire.error("No valid API key provided."), status: 401)
        }
        return key == options.equictyAPIKey ? nil : .json(EquictyWire.error("No valid API key provided."), status: 401)
    }

    private func wrap(_ value: WireJSON, enveloped: Bool, language: String) -> SandboxReply {
        .json(enveloped ? .object([("data", value)]) : value, headers: [("Content-Language", language.uppercased())])
    }

    func listHorses(_ input: RouteInput) -> SandboxReply {
        let store = self.store   // one reading of the data for the whole answer (it may change between requests)
        if let failure = equictyAuthFailure(input) { return failure }
        let requested = JSONBody(input.body)?.string("gender") ?? input.query.first("gender") ?? ""
        var gender: HorseGender?
        if !requested.isEmpty {
            guard let g = HorseGender(rawValue: requested) else {
                let allowed = HorseGender.allCases.map(\.rawValue).joined(separator: ", ")
                return .json(EquictyWire.validationError(field: "gender", message: "must be one of \(allowed)", rejected: requested), status: 400)
            }
            gender = g
        }
        let additional = ["true", "1"].contains(input.query.first("include_additional_info")?.lowercased() ?? "")
        let wire = EquictyWire(store: store, context: input.wire)
        let items = store.horses.enumerated()
            .filter { gender == nil || $0.element.gender == gender?.rawValue }
            .map { wire.horse($0.element, index: $0.offset, shape: additional ? .listWithAdditional : .list) }
        // Mixed: EN and DE lists come in `{"data": …}`, FR and NL bare, as the two halves of the document show.
        let enveloped = !input.wire.mixed || ["en", "de"].contains(input.wire.language)
        return wrap(.array(items), enveloped: enveloped, language: input.wire.language)
    }

    func horseDetails(id: String, _ input: RouteInput) -> SandboxReply {
        let store = self.store   // one reading of the data for the whole answer (it may change between requests)
        if let failure = equictyAuthFailure(input) { return failure }
        guard let number = Int(id) else {
            return .json(EquictyWire.validationError(field: "horse_id", message: "must be an integer", rejected: id), status: 400)
        }
        guard let (index, horse) = store.horse(id: number) else {
            return .json(EquictyWire.error("Horse \(number) not found or not public."), status: 400)
        }
        let additional = ["true", "1"].contains(input.query.first("include_additional_info")?.lowercased() ?? "")
        let value = EquictyWire(store: store, context: input.wire)
            .horse(horse, index: index, shape: additional ? .detailsWithAdditional : .details)
        return wrap(value, enveloped: !input.wire.mixed || index % 2 == 0, language: input.wire.language)
    }

    func pedigree(id: String, _ input: RouteInput) -> SandboxReply {
        let store = self.store   // one reading of the data for the whole answer (it may change between requests)
        if let failure = equictyAuthFailure(input) { return failure }
        guard let number = Int(id), let (index, horse) = store.horse(id: number) else {
            return .json(EquictyWire.error("Horse \(id) not found or not public."), status: 400)
        }
        guard horse.horsetelex else {
            return .json(EquictyWire.error("Horse \(number) is not synced with HorseTelex."), status: 400)
        }
        let body = JSONBody(input.body)
        let defaults = ("00AFA8", "efefef", "000000")
        var colors = defaults
        for (key, path) in [("horse_textcolor", 0), ("mare_bgcolor", 1), ("mare_textcolor", 2)] {
            guard let value = body?.string(key), !value.isEmpty else { continue }
            guard (3...6).contains(value.count), value.allSatisfy(\.isHexDigit) else {
                return .json(EquictyWire.validationError(field: key, message: "must be a hex colour without #", rejected: value), status: 400)
            }
            switch path {
            case 0: colors.0 = value
            case 1: colors.1 = value
            default: colors.2 = value
            }
        }
        let wire = EquictyWire(store: store, context: input.wire)
        guard let html = wire.horsetelexHTML(horseID: number, colors: colors) else {
            return .json(EquictyWire.error("HorseTelex pedigree of horse \(number) is not available."), status: 500)
        }
        // Mixed: one HorseTelex horse answers in the JSON frame, `{"data": "<html>"}`; strict-docs: every odd one.
        if input.wire.mixed && index == 18 || input.wire.strictDocs && index % 2 == 1 {
            return .json(.object([("data", .string(html))]), headers: [("Content-Language", input.wire.language.uppercased())])
        }
        return .html(html, headers: [("Content-Language", input.wire.language.uppercased())])
    }
}
