import Foundation

/// Turns demo horses into Equicty's JSON, serving the documented variants deterministically by the
/// horse's position `i` in the data set (see docs/sandbox.md for the table):
/// - id as a number, or as a string when `i % 3 == 1`;
/// - `birthday` when `(i / 2) % 2 == 0`, else `birth_date` (both `dd-MM-yyyy`);
/// - age as a string when `i % 4 == 3`, height as a string when `i % 5 == 2`, no height for foals;
/// - pedigree: the 14-key object; `null` for every second HorseTelex horse (`i` odd); a JSON string
///   when `i % 10 == 7`; an empty string when `i % 13 == 12`;
/// - unknown extra fields (`stable_id`, `updated_at`, `public`) when `i % 3 == 0`;
/// - YouTube videos as `youtu.be` short links when `i % 4 == 1`.
/// With ``SandboxVariants/canonical`` every horse gets the first, tidiest form.
struct EquictyWire {
    let store: DemoStore
    let context: WireContext

    enum Shape { case list, listWithAdditional, details, detailsWithAdditional }

    func horse(_ horse: DemoHorse, index i: Int, shape: Shape) -> WireJSON {
        let mixed = context.mixed
        var o = WireObject()
        o.set("id", mixed && i % 3 == 1 ? .string(String(horse.id)) : .int(horse.id))
        o.set("name", horse.name)
        if !horse.official_name.isEmpty { o.set("official_name", horse.official_name) }
        if !horse.nick_name.isEmpty { o.set("nick_name", horse.nick_name) }
        if let age = context.age(birthISO: horse.birth_date) {
            o.set("age", mixed && i % 4 == 3 ? .string(String(age)) : .int(age))
        }
        o.set(mixed && (i / 2) % 2 == 1 ? "birth_date" : "birthday", WireContext.equictyDate(horse.birth_date))
        o.set("sex", store.word(store.sexes, horse.gender, context.language))
        o.set("studbook", horse.studbook)
        o.set("color", store.word(store.colors, horse.color, context.language))
        if horse.height > 0 {
            o.set("height", mixed && i % 5 == 2 ? .string(String(horse.height)) : .int(horse.height))
            o.set("heightunit", horse.heightunit)
        }
        o.set("breeder", horse.breeder)
        o.set("horsetelex", horse.horsetelex)
        if let pedigree = pedigree(horse, index: i) { o.set("pedigree", pedigree) }
        o.set("profile", context.pictureURL(horse.profile))
        o.set("miniature", context.mediaURL(horse.miniature))
        if mixed && i % 3 == 0 {
            o.set("stable_id", 42)
            o.set("updated_at", "2026-11-0\(1 + i % 9)T10:15:00+01:00")
            o.set("public", true)
        }
        if shape == .details || shape == .detailsWithAdditional {
            o.set("level", horse.level)
            o.set("info", horse.info[context.language] ?? horse.info["en"] ?? "")
            o.set("videos", .array(horse.videos.map { video($0, index: i) }))
            o.set("pictures", .array(horse.pictures.map(picture)))
        }
        if shape == .listWithAdditional || shape == .detailsWithAdditional {
            let a = horse.additional
            o.set("sku", a.sku)
            o.set("breeding_associations", .array(a.breeding_associations.map(WireJSON.string)))
            o.set("semen_availability", .array(a.semen_availability.map(WireJSON.string)))
            o.set("wffs_test_result", a.wffs_test_result)
            o.set("semen_price", a.semen_price)
            o.set("sales_content", a.sales_content[context.language] ?? a.sales_content["en"] ?? "")
        }
        return o.json
    }

    /// `nil` leaves the key out.
    private func pedigree(_ horse: DemoHorse, index i: Int) -> WireJSON? {
        let object = WireJSON.object(["v", "vv", "vvv", "vvm", "vm", "vmv", "vmm", "m", "mv", "mvv", "mvm", "mm", "mmv", "mmm"]
            .map { ($0, .string(horse.pedigree[$0] ?? "")) })
        guard context.mixed else { return object }
        if horse.horsetelex && i % 2 == 1 { return .null }
        if i % 10 == 7 { return .string(object.serialized()) }
        if i % 13 == 12 { return .string("") }
        return object
    }

    private func video(_ v: DemoHorse.Video, index i: Int) -> WireJSON {
        let url = context.mixed && i % 4 == 1 ? "https://youtu.be/\(v.youtube)" : "https://www.youtube.com/watch?v=\(v.youtube)"
        return .object([
            ("name", .string(v.name)), ("module", .string(v.module)), ("mediaurl", .string(url)),
            ("miniatureurl", .string("https://i.ytimg.com/vi/\(v.youtube)/hqdefault.jpg")),
        ])
    }

    private func picture(_ p: DemoHorse.Picture) -> WireJSON {
        .object([
            ("name", .string(p.name)), ("module", .string(p.module)), ("mediaurl", .string(context.pictureURL(p.file))),
            ("miniatureurl", .string(context.mediaURL(p.miniature))),
        ])
    }

    /// The HorseTelex HTML's own words: "Pedigree of", "Pedigree data", "provided by".
    static let words: [String: (String, String, String)] = [
        "en": ("Pedigree of", "Pedigree data", "provided by"),
        "fr": ("Pedigree de", "Données de pedigree", "fournies par"),
        "de": ("Abstammung von", "Abstammungsdaten", "bereitgestellt von"),
        "nl": ("Stamboom van", "Stamboomgegevens", "aangeleverd door"),
    ]

    /// The HorseTelex pedigree HTML with the colours, media base and words of the language filled in.
    func horsetelexHTML(horseID: Int, colors: (horseText: String, mareBackground: String, mareText: String)) -> String? {
        guard let template = store.horsetelexTemplates[horseID] else { return nil }
        return template
            .replacingOccurrences(of: "__HORSE_TEXTCOLOR__", with: colors.horseText)
            .replacingOccurrences(of: "__MARE_BGCOLOR__", with: colors.mareBackground)
            .replacingOccurrences(of: "__MARE_TEXTCOLOR__", with: colors.mareText)
            .replacingOccurrences(of: "__MEDIA_BASE__", with: context.mediaBase)
            .replacingOccurrences(of: "__HORSE_ID__", with: String(horseID))
            .replacingOccurrences(of: "__PEDIGREE_OF__", with: Self.words[context.language]?.0 ?? "Pedigree of")
            .replacingOccurrences(of: "__PEDIGREE_DATA__", with: Self.words[context.language]?.1 ?? "Pedigree data")
            .replacingOccurrences(of: "__PROVIDED_BY__", with: Self.words[context.language]?.2 ?? "provided by")
    }

    /// `{"status": false, "msg": …}`.
    static func error(_ message: String) -> WireJSON {
        .object([("status", .bool(false)), ("msg", .string(message))])
    }

    /// The documented ValidationErrorResponse.
    static func validationError(field: String, message: String, rejected: String) -> WireJSON {
        .object([
            ("status", .int(400)), ("msg", .string("Validation failed")),
            ("errors", .array([.object([
                ("message", .string(message)), ("fieldName", .string(field)), ("field", .string(field)),
                ("rejectedValue", .string(rejected)),
            ])])),
        ])
    }
}
