import PaddockCatalogue
import PaddockTemplate

/// The context of a horse's own page: facts, additional information, pedigree, media, inquiry.
struct HorseDetail {
    let horse: Horse
    let frame: PageFrame
    let data: LanguageData
    let cards: CardBuilder
    let sanitize: HorseTelexSanitizing?
    /// The horse left the catalogue: its page stays a while, marked sold, with similar horses.
    var sold = false

    func context() -> BuiltContext {
        let pedigree = horseTelexPedigree()
        let builtIn = horseTelexPedigreeFallback(pedigree)
        let showsHorseTelex = horse.horsetelex && (pedigree != nil || builtIn)
        let pictures = gallery()
        let image = horse.pictures.lazy.compactMap { SafeURL.web($0.url) }.first ?? SafeURL.web(horse.miniatureURL)
        // The card built once per horse and language (LanguageData) is this page's base.
        let card = data.horseCards[horse.id] ?? cards.horseCard(horse)
        var extra = card.mapValue
        // One copy of the shared card, with room for this page's and the frame's keys.
        extra.reserveCapacity(extra.count + PageFrame.reservedKeys + 16)
        extra["officialName"] = horse.officialName == horse.name ? .null : .nonEmpty(horse.officialName)
        extra["facts"] = .section(facts(card: extra))
        extra["additional"] = additional()
        extra["info"] = .nonEmpty(horse.info?.trimmed)
        extra["level"] = .nonEmpty(horse.level)
        extra["hasPedigree"] = .bool(pedigree != nil || builtIn)
        extra["pedigree"] = builtIn ? PedigreeContext.value(horse.pedigree, data: data) : .null
        extra["horsetelexPedigree"] = .nonEmpty(pedigree)
        extra["gallery"] = .section(pictures)
        extra["videos"] = .section(videos())
        let inquiry = Inquiry(name: horse.name, reference: horse.additional?.sku?.trimmed.nonEmpty ?? horse.id,
                              url: frame.absolute(frame.page.path), config: frame.plan.config, data: data)
        extra["inquiryHref"] = sold ? .null : .nonEmpty(inquiry.emailHref)
        extra["inquiry"] = sold ? .null : inquiry.value
        extra["profileURL"] = .nonEmpty(SafeURL.web(horse.profileURL))
        extra["horsesHref"] = .string("\(data.language)/horses/")
        var jsonLD: [String: JSONLD.Value]?
        if let sales = horse.additional?.salesContent?.trimmed, !sales.isEmpty {
            var product: [String: JSONLD.Value] = [
                "@context": "https://schema.org", "@type": "Product", "name": .string(horse.name),
                "description": .string(sales), "category": "Horse", "url": .string(frame.absolute(frame.page.path)),
            ]
            if let image { product["image"] = .string(image) }
            if let born = horse.birthDate { product["additionalProperty"] = FactRow.birthDateProperty(born) }
            jsonLD = product
        }
        if sold {
            extra["sold"] = .bool(true)
            extra["badges"] = .section([.map(["code": "sold", "label": .string(data.string("badge_sold"))])])
            extra["similar"] = frame.environment.similar(.horse, id: horse.id, data: data)
            jsonLD = SoldJSONLD.horse(horse, url: frame.absolute(frame.page.path), image: image, currency: frame.plan.config.currency)
        }
        let value = frame.context(title: horse.name, description: horse.info?.trimmed.prefixText(160), image: image,
                                  jsonLD: jsonLD, equicty: true, horsetelex: showsHorseTelex, extra: extra)
        return BuiltContext(value: value, equicty: true, horsetelex: showsHorseTelex)
    }

    /// The sanitised HorseTelex HTML, when the horse has one and its logo survived.
    private func horseTelexPedigree() -> String? {
        guard horse.horsetelex, let html = horse.horsetelexHTML, !html.isEmpty, let sanitize else { return nil }
        let clean = sanitize(html)
        return clean.hasHorseTelexLogo && !clean.html.isEmpty ? clean.html : nil
    }

    private func horseTelexPedigreeFallback(_ horseTelex: String?) -> Bool { horseTelex == nil && !(horse.pedigree?.isEmpty ?? true) }

    /// The facts table; sex, age and height come from the card (same texts, formatted once).
    private func facts(card: TemplateMap) -> [TemplateValue] {
        var rows: [FactRow] = [
            FactRow("fact_sex", card["sex"]?.stringValue),
            FactRow("fact_age", card["age"]?.stringValue),
            FactRow("fact_born", data.format.date(horse.birthDate), date: horse.birthDate),
            FactRow("fact_studbook", horse.studbook),
            FactRow("fact_color", horse.color),
            FactRow("fact_height", card["height"]?.stringValue),
            FactRow("fact_sire", horse.pedigree?.sire),
            FactRow("fact_dam", horse.pedigree?.dam),
            FactRow("fact_breeder", horse.breeder),
        ]
        if let nick = horse.nickName, nick != horse.name { rows.insert(FactRow("fact_nickname", nick), at: 0) }
        return rows.compactMap { $0.value(data) }
    }

    private func additional() -> TemplateValue {
        guard let info = horse.additional, !info.isEmpty else { return .null }
        return .map([
            "associations": .textList(info.breedingAssociations),
            "semenAvailability": .textList(info.semenAvailability),
            "semenPrice": .nonEmpty(info.semenPrice?.trimmed),
            "wffs": .nonEmpty(info.wffsTestResult?.trimmed),
            "sales": .nonEmpty(info.salesContent?.trimmed),
        ])
    }

    private func gallery() -> [TemplateValue] {
        horse.pictures.enumerated().compactMap { index, media in
            guard let full = SafeURL.web(media.url) else { return nil }
            let alt = media.name?.trimmed.nonEmpty ?? data.string("photo_of", ["name": horse.name, "n": String(index + 1)])
            return .map(["full": .string(full), "thumb": .string(SafeURL.web(media.miniatureURL) ?? full), "alt": .string(alt)])
        }
    }

    private func videos() -> [TemplateValue] {
        horse.videos.enumerated().compactMap { index, media in
            guard let url = SafeURL.web(media.url) else { return nil }
            let title = media.name?.trimmed.nonEmpty ?? data.string("video_of", ["name": horse.name, "n": String(index + 1)])
            if let id = SafeURL.youTubeID(url) {
                return .map([
                    "title": .string(title), "href": .string("https://www.youtube.com/watch?v=\(id)"),
                    "embed": .string("https://www.youtube-nocookie.com/embed/\(id)?autoplay=1"),
                    "playLabel": .string(data.string("video_play", ["title": title])),
                ])
            }
            return .map(["title": .string(title), "href": .string(url)])
        }
    }
}
