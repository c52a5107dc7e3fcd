import Foundation

/// The smaXtec demo herd (`DemoData/smaxtec/herd.json`, written by `scripts/generate-demo-herd.py`):
/// organisations and animals in the Integration API's wire form, each animal with its events. The
/// answers are serialised once at load, so every request gets the same bytes.
struct DemoHerd: Sendable {
    /// One organisation: its wire object and its animals, in order.
    struct Organisation: Sendable {
        var id: String
        var name: String
        var animals: [Cow]
    }

    /// One animal as the sandbox reads it for its statement, and its answers' bytes.
    struct Cow: Sendable {
        var organisationID: String
        var officialID: String
        var name: String?
        var archived: Bool
        var tags: [String]
        /// Values a site must never show: sensor, device and group ids, location, event ids,
        /// health event types, feeding rations.
        var privateValues: Set<String>
        /// Reproduction events (insemination, pregnancy_result, calving_confirmation, abort).
        var reproductionEvents: Int
        var body: [UInt8]
        var eventsBody: [UInt8]
    }

    var organisations: [Organisation] = []
    /// `GET /v1/organisation`.
    var organisationsBody: [UInt8] = Array("[]".utf8)
    /// `GET …/organisations/{id}/animals`, by organisation id.
    var animalsBodies: [String: [UInt8]] = [:]

    static let empty = DemoHerd()

    /// Loads the herd; `count` repeats the demo animals with new ear tags (benchmarks), then
    /// `includeHostile` adds the hostile animals to the first organisation.
    static func load(folder: URL, includeHostile: Bool, count: Int? = nil) throws -> DemoHerd {
        var (organisations, animals) = try read(folder.appending(path: "smaxtec/herd.json"))
        if let count { animals = scaled(animals, to: count) }
        if includeHostile { animals += try read(folder.appending(path: "hostile/herd.json")).animals }
        var herd = DemoHerd()
        herd.organisationsBody = serialise(organisations)
        for organisation in organisations {
            guard let id = organisation["organisation_id"] as? String else { continue }
            let own = animals.filter { ($0["organisation_id"] as? String) == id }
            var cows: [Cow] = []
            var wire: [[String: Any]] = []
            for var animal in own {
                let events = animal.removeValue(forKey: "events") as? [[String: Any]] ?? []
                wire.append(animal)
                cows.append(cow(animal, events: events, organisation: id))
            }
            herd.animalsBodies[id] = serialise(wire)
            herd.organisations.append(Organisation(id: id, name: organisation["name"] as? String ?? id, animals: cows))
        }
        return herd
    }

    func organisation(_ id: String) -> Organisation? { organisations.first { $0.id == id } }

    private static func read(_ file: URL) throws -> (organisations: [[String: Any]], animals: [[String: Any]]) {
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw SandboxError.demoDataMissing(path: file.path) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let organisations = object["organisations"] as? [[String: Any]], let animals = object["animals"] as? [[String: Any]] else {
            throw SandboxError.demoDataInvalid(file: file.lastPathComponent, reason: "expected {\"organisations\": […], \"animals\": […]}")
        }
        return (organisations, animals)
    }

    private static func cow(_ animal: [String: Any], events: [[String: Any]], organisation: String) -> Cow {
        var hidden = Set<String>()
        for key in ["sensor", "current_device_id", "group_id", "_id"] {
            if let value = animal[key] as? String, !value.isEmpty { hidden.insert(value) }
        }
        if let location = animal["location"] as? String, location.count > 5 { hidden.insert(location) }
        var reproduction = 0
        for event in events {
            let type = event["event_type"] as? String ?? ""
            if ["insemination", "pregnancy_result", "calving_confirmation", "abort"].contains(type) {
                reproduction += 1
            } else if type.hasPrefix("health_") {
                hidden.insert(type)
            }
            if let id = event["_id"] as? String { hidden.insert(id) }
            let info = event["information"] as? [String: Any] ?? [:]
            for key in ["sensor_id", "ration"] {
                if let value = info[key] as? String { hidden.insert(value) }
            }
        }
        return Cow(organisationID: organisation, officialID: animal["official_id"] as? String ?? "",
                   name: animal["name"] as? String, archived: animal["archived"] as? Bool ?? false,
                   tags: animal["tags"] as? [String] ?? [], privateValues: hidden, reproductionEvents: reproduction,
                   body: serialise(animal), eventsBody: serialise(events))
    }

    /// The demo animals repeated with new ear tags, sensors and event ids (`…-r2`) up to `count`.
    private static func scaled(_ animals: [[String: Any]], to count: Int) -> [[String: Any]] {
        guard !animals.isEmpty else { return [] }
        return (0..<max(0, count)).map { index in
            var animal = animals[index % animals.count]
            let round = index / animals.count
            guard round > 0 else { return animal }
            for key in ["official_id", "_id", "sensor", "current_device_id"] {
                if let value = animal[key] as? String { animal[key] = "\(value)-r\(round)" }
            }
            if let name = animal["name"] as? String { animal["name"] = "\(name) \(round + 1)" }
            animal["tags"] = []   // for-sale and sold tags stay on the originals
            return animal
        }
    }

    /// Changes the wire object of the animal with this ear tag (the first organisation that has
    /// one) and the answers that carry it; an edit that empties the object removes the animal.
    mutating func edit(_ officialID: String, _ change: (inout [String: Any]) -> Void) {
        guard let index = organisations.firstIndex(where: { $0.animals.contains { $0.officialID == officialID } }),
              let position = organisations[index].animals.firstIndex(where: { $0.officialID == officialID }) else { return }
        let organisation = organisations[index].id
        let old = organisations[index].animals[position]
        guard var wire = (try? JSONSerialization.jsonObject(with: Data(old.body))) as? [String: Any],
              var listing = (try? JSONSerialization.jsonObject(with: Data(animalsBodies[organisation] ?? []))) as? [[String: Any]] else { return }
        change(&wire)
        let listed = listing.firstIndex { ($0["official_id"] as? String) == officialID }
        if wire.isEmpty {
            organisations[index].animals.remove(at: position)
            if let listed { listing.remove(at: listed) }
        } else {
            let events = (try? JSONSerialization.jsonObject(with: Data(old.eventsBody))) as? [[String: Any]] ?? []
            var cow = Self.cow(wire, events: events, organisation: organisation)
            cow.privateValues = old.privateValues
            organisations[index].animals[position] = cow
            if let listed { listing[listed] = wire }
        }
        animalsBodies[organisation] = Self.serialise(listing)
    }

    private static func serialise(_ value: Any) -> [UInt8] {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        return Array(data)
    }
}
