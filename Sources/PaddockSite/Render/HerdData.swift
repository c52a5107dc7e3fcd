import Foundation
import PaddockCatalogue
import PaddockTemplate

/// The herd of one language, built once per render: each animal's card, the animals of every
/// listing filter, and the farm's own photos of them.
final class HerdData: Sendable {
    let animals: [String: HerdAnimal]
    let cards: [String: TemplateValue]
    /// Animal ids of every listing filter, in listing order.
    let listings: [HerdFilter: [String]]
    let photos: HerdPhotos

    init(plan: SitePlan, data: LanguageData, photos: HerdPhotos) {
        self.photos = photos
        let herd = plan.herd
        var animals: [String: HerdAnimal] = [:]
        var listings: [HerdFilter: [String]] = [.all: []]
        var cards: [String: TemplateValue] = [:]
        for animal in herd.animals {
            animals[animal.id] = animal
            listings[.all, default: []].append(animal.id)
            for filter in herd.filters(of: animal) { listings[filter, default: []].append(animal.id) }
            cards[animal.id] = Self.card(animal, plan: plan, data: data, photos: photos)
        }
        self.animals = animals
        self.listings = listings
        self.cards = cards
    }

    func ids(_ filter: HerdFilter) -> [String] { listings[filter] ?? [] }

    /// The card of a listing: only the published fields.
    static func card(_ animal: HerdAnimal, plan: SitePlan, data: LanguageData, photos: HerdPhotos) -> TemplateValue {
        let settings = plan.herd.settings
        let title = HerdPlan.title(animal, settings: settings) ?? data.string("herd_unnamed")
        let photo = photos.files(for: animal, slug: plan.herd.slugs[animal.id], settings: settings).first
        return .map([
            "title": .string(title),
            "href": .nonEmpty(plan.herd.slugs[animal.id].map { "\(data.language)/herd/\($0)/" }),
            "earTag": settings.hideEarTag ? .null : .string(animal.officialID),
            "breeds": .nonEmpty(HerdPlan.breedText(animal.breeds)),
            "status": .nonEmpty(statusText(animal.lactationStatus, data: data)),
            "age": .nonEmpty(data.cards.ageText(animal.age(on: plan.herd.day))),
            "dateOfBirth": .nonEmpty(data.format.date(animal.birthday)),
            "dateOfBirthISO": .nonEmpty(animal.birthday?.description),
            "photo": photo.map { .map(["src": .string($0), "alt": .string(title)]) } ?? .null,
            "forSale": .bool(animal.isListed && animal.isTagged(settings.saleTags)),
            "badges": data.cards.badges(.herdAnimal, animal.id),
        ])
    }

    static func statusText(_ status: LactationStatus, data: LanguageData) -> String? {
        status == .unknown ? nil : data.string("herd_status_\(status.rawValue.replacingOccurrences(of: "-", with: "_"))")
    }
}

/// The farm's photos of its animals in the site's `static/herd/` folder: `<key>.<ext>`, then
/// `<key>.2.<ext>`, `<key>.3.<ext>`…, where the key is the animal's page slug or its ear tag
/// in lower case (letters and digits; the ear tag only while ear tags are shown).
struct HerdPhotos: Sendable {
    static let extensions: Set<String> = ["jpg", "jpeg", "png", "webp", "avif", "gif"]
    /// Key → site paths (`herd/bella.jpg`), first photo first.
    let byKey: [String: [String]]

    static let none = HerdPhotos(byKey: [:])

    init(byKey: [String: [String]]) { self.byKey = byKey }

    /// Lists `static/herd/` once.
    init(staticFolder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: staticFolder.appending(path: "herd").path)) ?? []
        var found: [String: [(order: Int, path: String)]] = [:]
        for name in names where !name.hasPrefix(".") {
            let parts = name.split(separator: ".").map(String.init)
            guard parts.count >= 2, Self.extensions.contains(parts.last!.lowercased()) else { continue }
            let order = parts.count == 3 ? Int(parts[1]) : (parts.count == 2 ? 1 : nil)
            guard let order else { continue }
            found[parts[0].lowercased(), default: []].append((order, "herd/" + name))
        }
        byKey = found.mapValues { $0.sorted { $0.order == $1.order ? $0.path < $1.path : $0.order < $1.order }.map(\.path) }
    }

    /// The photos named by the slug, then those named by the ear tag (unless ear tags are hidden).
    func files(for animal: HerdAnimal, slug: String?, settings: HerdSettings) -> [String] {
        var files = slug.flatMap { byKey[$0] } ?? []
        guard !settings.hideEarTag else { return files }
        let key = String(String.UnicodeScalarView(animal.officialID.lowercased().unicodeScalars.filter {
            $0.isASCII && CharacterSet.alphanumerics.contains($0)
        }))
        if !key.isEmpty, key != slug { files += byKey[key] ?? [] }
        return files
    }
}
