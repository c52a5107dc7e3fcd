import Foundation
import PaddockCatalogue
import PaddockTemplate

/// The context of a herd animal's page: what the farm publishes, nothing else.
struct HerdDetail {
    let animal: HerdAnimal
    let frame: PageFrame
    let data: LanguageData
    let herd: HerdData
    /// The farm tagged the animal sold: its page stays a while, marked sold, with similar animals.
    var sold = false
    /// Listed animals like this one (``RenderEnvironment/similar(_:id:data:)``), on a sold page.
    var similar: TemplateValue = .null

    var plan: SitePlan { frame.plan }
    var settings: HerdSettings { plan.herd.settings }

    func context() -> TemplateValue {
        let title = HerdPlan.title(animal, settings: settings) ?? data.string("herd_unnamed")
        var extra = (herd.cards[animal.id] ?? HerdData.card(animal, plan: plan, data: data, photos: herd.photos)).mapValue
        extra.reserveCapacity(extra.count + PageFrame.reservedKeys + 8)
        let photos = herd.photos.files(for: animal, slug: plan.herd.slugs[animal.id], settings: settings)
        var facts: [FactRow] = []
        if !settings.hideEarTag { facts.append(FactRow("herd_ear_tag", animal.officialID)) }
        facts += [
            FactRow("fact_born", data.format.date(animal.birthday), date: animal.birthday),
            FactRow("fact_age", data.cards.ageText(animal.age(on: plan.herd.day))),
            FactRow("herd_breed", HerdPlan.breedText(animal.breeds)),
            FactRow("herd_lactation", HerdData.statusText(animal.lactationStatus, data: data)),
            FactRow("herd_calving_number", animal.calvingNumber.map(String.init)),
            FactRow("herd_last_calving", data.format.date(animal.lastCalving), date: animal.lastCalving),
        ]
        extra["facts"] = .section(facts.compactMap { $0.value(data) })
        extra["composition"] = composition()
        extra["timeline"] = settings.publishReproduction ? timeline() : .null
        extra["gallery"] = .section(photos.enumerated().map { index, path in
            .map(["full": .string(path), "thumb": .string(path),
                  "alt": .string(data.string("photo_of", ["name": title, "n": String(index + 1)]))])
        })
        extra["herdHref"] = .string("\(data.language)/herd/")
        extra["forSaleHref"] = !sold && animal.isTagged(settings.saleTags) ? .string("\(data.language)/for-sale/") : .null
        let image = photos.first.map(frame.absolute)
        var jsonLD = jsonLD(title: title, image: image)
        if sold {
            extra["sold"] = .bool(true)
            extra["forSale"] = .bool(false)
            extra["badges"] = .section([.map(["code": "sold", "label": .string(data.string("badge_sold"))])])
            extra["similar"] = similar
            jsonLD = SoldJSONLD.herdAnimal(jsonLD, url: frame.absolute(frame.page.path), currency: plan.config.currency)
        }
        return frame.context(title: title, description: HerdPlan.breedText(animal.breeds), image: image, jsonLD: jsonLD, extra: extra)
    }

    /// The breed-composition bar: each share's width in a 100-wide SVG, the shares scaled to fill
    /// the bar when they do not add up to 100 (a share without a percentage takes an even part of
    /// what the others leave, at least a tenth); the label keeps the percentage as sent.
    private func composition() -> TemplateValue {
        let shares = animal.breeds
        guard !shares.isEmpty else { return .null }
        let stated = shares.compactMap(\.percent).reduce(0, +)
        let unstated = shares.filter { $0.percent == nil }.count
        let filler = unstated == 0 ? 0 : max(10, (100 - stated) / Double(unstated))
        let weights = shares.map { $0.percent ?? filler }
        let total = weights.reduce(0, +)
        guard total > 0 else { return .null }
        var x = 0.0
        let parts: [TemplateValue] = zip(shares, weights).enumerated().map { index, pair in
            let (share, weight) = pair
            let width = weight / total * 100
            defer { x += width }
            let percent = share.percent.map { HerdPlan.percentText($0) + " %" }
            return .map([
                "breed": .string(share.breed), "percent": .nonEmpty(percent),
                "x": .string(Self.svgNumber(x)), "width": .string(Self.svgNumber(width)),
                "tone": .int(index % 6 + 1),
            ])
        }
        return .map(["items": .array(parts), "label": .string(HerdPlan.breedText(shares) ?? "")])
    }

    static func svgNumber(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// The reproduction history, newest last.
    private func timeline() -> TemplateValue {
        .section(animal.reproduction.map { event in
            var detail: [String] = []
            switch event.kind {
            case .insemination:
                if let expected = data.format.date(event.expectedCalving) { detail.append(data.string("herd_expected_calving", ["date": expected])) }
            case .pregnancyResult:
                if let pregnant = event.pregnant { detail.append(data.string(pregnant ? "herd_pregnant" : "herd_not_pregnant")) }
                if let expected = data.format.date(event.expectedCalving) { detail.append(data.string("herd_expected_calving", ["date": expected])) }
            case .calving:
                if let number = event.calvingNumber { detail.append(data.string("herd_calving_n", ["n": String(number)])) }
            case .abort:
                if event.lateAbort == true { detail.append(data.string("herd_late_abort")) }
            }
            return .map([
                "kind": .string(event.kind.rawValue),
                "label": .string(data.string("herd_event_\(event.kind.rawValue.replacingOccurrences(of: "-", with: "_"))")),
                "date": .string(data.format.date(event.date) ?? event.date.description),
                "dateISO": .string(event.date.description),
                "detail": .nonEmpty(detail.joined(separator: " · ")),
            ])
        })
    }

    private func jsonLD(title: String, image: String?) -> [String: JSONLD.Value] {
        var thing: [String: JSONLD.Value] = [
            "@context": "https://schema.org", "@type": "Thing", "name": .string(title),
            "url": .string(frame.absolute(frame.page.path)),
        ]
        if let breeds = HerdPlan.breedText(animal.breeds) { thing["description"] = .string(breeds) }
        if !settings.hideEarTag { thing["identifier"] = .string(animal.officialID) }
        if let image { thing["image"] = .string(image) }
        if let born = animal.birthday { thing["additionalProperty"] = FactRow.birthDateProperty(born) }
        return thing
    }
}
