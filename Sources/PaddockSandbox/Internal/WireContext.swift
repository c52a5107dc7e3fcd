import PaddockCatalogue

/// What every wire encoder needs to know about the request being answered.
struct WireContext: Sendable {
    /// `en`, `fr`, `de` or `nl`.
    var language: String
    /// Absolute base of the media URLs, without trailing slash (`http://127.0.0.1:PORT/media`).
    var mediaBase: String
    var today: CalendarDate
    var variants: SandboxVariants
    /// Full-size pictures are served as camera-sized photographs (``SandboxOptions/photographs``).
    var photographs = false

    /// Every documented variant is served (mixed, and strict-docs on top).
    var mixed: Bool { variants != .canonical }
    var strictDocs: Bool { variants == .strictDocs }

    /// A media path of the demo data as a URL: relative paths go under `mediaBase`, anything with a
    /// scheme (the hostile `javascript:` and `data:` URLs included) is passed on as it is.
    func mediaURL(_ path: String) -> String {
        if path.isEmpty || path.contains(":") { return path }
        return mediaBase + "/" + path
    }

    /// A full-size demo picture (not a miniature) as a URL: with ``photographs``, the camera-sized
    /// photograph made from it (`horses/h00-0.png` → `…/media/photographs/horses/h00-0.jpg`); the
    /// generated and hostile pictures stay as they are.
    func pictureURL(_ path: String) -> String {
        guard photographs, !path.isEmpty, !path.contains(":"), !path.hasPrefix("generated/"), !path.hasPrefix("hostile/"),
              let dot = path.lastIndex(of: ".") else { return mediaURL(path) }
        return mediaBase + "/photographs/" + path[..<dot] + ".jpg"
    }

    /// Whole years from `birth` (ISO `yyyy-MM-dd`) to `today`.
    func age(birthISO: String) -> Int? {
        guard let birth = Self.parseISO(birthISO) else { return nil }
        var years = today.year - birth.year
        if (today.month, today.day) < (birth.month, birth.day) { years -= 1 }
        return max(0, years)
    }

    static func parseISO(_ s: String) -> CalendarDate? {
        let parts = s.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `dd-MM-yyyy`, Equicty's date format.
    static func equictyDate(_ iso: String) -> String {
        guard let d = parseISO(iso) else { return iso }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(d.day))-\(pad(d.month))-\(d.year)"
    }

    /// The first language tag of an `Accept-Language` header, if it is one the API localises; else `en`.
    static func language(fromAcceptLanguage header: String?) -> String {
        guard let header else { return "en" }
        let first = header.split(separator: ",").first.map(String.init) ?? ""
        let tag = first.split(separator: ";").first.map(String.init) ?? ""
        let primary = tag.split(separator: "-").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return ["en", "fr", "de", "nl"].contains(primary) ? primary : "en"
    }
}
