/// The proper names of the breeds smaXtec sends as upper-case codes, the document's misspellings
/// included (`FLECKVIEW` for Fleckvieh).
package enum BreedNames {
    /// Code (upper case, spaces and hyphens as `_`) → proper name.
    static let names: [String: String] = [
        "FLECKVIEH": "Fleckvieh", "FLECKVIEW": "Fleckvieh", "FLECKVIE": "Fleckvieh", "FLEKVIEH": "Fleckvieh",
        "SIMMENTAL": "Simmental", "SIMMENTALER": "Simmental",
        "ANGLER": "Angler", "ANGELN": "Angler",
        "HOLSTEIN": "Holstein", "HOLSTEIN_FRIESIAN": "Holstein Friesian", "HOLSTEIN_FRISIAN": "Holstein Friesian",
        "HOLSTEIN_FRIESIAN_RED": "Red Holstein", "RED_HOLSTEIN": "Red Holstein", "RED_HOLSTIEN": "Red Holstein",
        "HOLSTIEN": "Holstein", "FRIESIAN": "Friesian",
        "BRAUNVIEH": "Braunvieh", "BROWN_SWISS": "Brown Swiss", "BROWNSWISS": "Brown Swiss",
        "ORIGINAL_BRAUNVIEH": "Original Braunvieh",
        "JERSEY": "Jersey", "GUERNSEY": "Guernsey", "AYRSHIRE": "Ayrshire",
        "PINZGAUER": "Pinzgauer", "GRAUVIEH": "Tyrolean Grey", "TIROLER_GRAUVIEH": "Tyrolean Grey",
        "MURBODNER": "Murbodner", "TUXER": "Tux-Zillertal",
        "MONTBELIARDE": "Montbéliarde", "MONTBELIARD": "Montbéliarde", "NORMANDE": "Normande",
        "ANGUS": "Angus", "ABERDEEN_ANGUS": "Aberdeen Angus", "HEREFORD": "Hereford",
        "LIMOUSIN": "Limousin", "LIMOUSINE": "Limousin", "CHAROLAIS": "Charolais", "CHAROLAIS_": "Charolais",
        "BLONDE_D_AQUITAINE": "Blonde d'Aquitaine", "BLONDE_DAQUITAINE": "Blonde d'Aquitaine",
        "WAGYU": "Wagyu", "GALLOWAY": "Galloway", "HIGHLAND": "Highland", "DEXTER": "Dexter",
        "SHORTHORN": "Shorthorn", "VORDERWALD": "Vorderwald", "HINTERWALD": "Hinterwald",
        "GELBVIEH": "Gelbvieh", "RED_POLL": "Red Poll", "RED_DANISH": "Danish Red",
    ]

    /// The proper name of a breed code; a code not in the table is shown in words
    /// (`NEW_BREED` → "New Breed"); `nil` for an empty code and for `mixed`, which is not a breed.
    package static func properName(_ code: String) -> String? {
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.lowercased() != "mixed" else { return nil }
        let key = trimmed.uppercased().map { $0 == " " || $0 == "-" || $0 == "'" ? "_" : $0 }
        if let known = names[String(key)] { return known }
        // Not an upper-case code: a name written by hand, kept as it is.
        guard trimmed == trimmed.uppercased() else { return trimmed }
        return trimmed.split(whereSeparator: { $0 == "_" || $0 == " " })
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ")
    }
}
