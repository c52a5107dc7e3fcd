import Foundation

/// A smaXtec list answer: a bare array as documented, or one wrapped as `{"data": […]}`,
/// `{"animals": […]}`, `{"events": […]}`, `{"organisations": […]}`, `{"items": […]}` or
/// `{"results": […]}`. An object with `error`/`message` and no list is the service's error.
struct SmaxtecList<Element: Decodable>: Decodable {
    var items: [Element]

    init(from decoder: any Decoder) throws {
        if let list = try? decoder.singleValueContainer().decode([Element].self) {
            items = list
            return
        }
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        for key in ["data", "animals", "events", "organisations", "organizations", "items", "results"] {
            if let list = try? c.decode([Element].self, forKey: AnyCodingKey(key)) {
                items = list
                return
            }
        }
        if let message = c.lenientString("message", "error", "detail", "msg") {
            throw CatalogueDecodingError.serviceError(message: message)
        }
        throw CatalogueDecodingError.malformed(detail: "expected a list")
    }
}

/// The decoded answers of the smaXtec client.
package enum SmaxtecBody {
    /// `GET /v1/user/get_token`: `{"token": …}` (also `access_token`).
    package static func token(_ data: Data) throws -> String {
        struct TokenRecord: Decodable {
            var token: String?
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: AnyCodingKey.self)
                token = c.lenientString("token", "access_token")
            }
        }
        guard let token = try APIBody.decode(TokenRecord.self, from: data, enveloped: true).token else {
            throw CatalogueDecodingError.malformed(detail: "the answer holds no token")
        }
        return token
    }

    /// `GET /v1/organisation`; entries without an `organisation_id` are dropped.
    package static func organisations(_ data: Data) throws -> [HerdOrganisation] {
        struct Record: Decodable {
            var organisation: HerdOrganisation
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: AnyCodingKey.self)
                guard let id = c.lenientString("organisation_id", "_id", "id") else {
                    throw CatalogueDecodingError.malformed(detail: "an organisation has no organisation_id")
                }
                organisation = HerdOrganisation(id: id, name: c.lenientString("name"), timezone: c.lenientString("timezone"))
            }
        }
        return try APIBody.decode(SmaxtecList<Lenient<Record>>.self, from: data, enveloped: false).items.compactMap(\.value?.organisation)
    }

    /// `GET /v2/integration/organisations/{id}/animals`: the animals that decode, and one line per
    /// record that does not. An animal without `organisation_id` belongs to `organisation`.
    package static func animals(_ data: Data, organisation: String) throws -> (animals: [HerdAnimal], skipped: [String]) {
        let list = try APIBody.decode(SmaxtecList<Lenient<HerdAnimalRecord>>.self, from: data, enveloped: false).items
        var animals: [HerdAnimal] = []
        var skipped: [String] = []
        for (index, entry) in list.enumerated() {
            guard var animal = entry.value?.animal else {
                skipped.append("animal \(index): \(entry.failure ?? "unreadable")")
                continue
            }
            if animal.organisationID.isEmpty || animal.organisationID != organisation {
                animal = HerdAnimal(organisationID: organisation, officialID: animal.officialID, name: animal.name,
                                    birthday: animal.birthday, breeds: animal.breeds, lactationStatus: animal.lactationStatus,
                                    tags: animal.tags, archived: animal.archived)
            }
            animals.append(animal)
        }
        return (animals, skipped)
    }
}
