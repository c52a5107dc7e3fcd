/// A data provider whose name and logo must stay visible (Equicty terms, article 4.3).
package enum AttributionProvider: String, Sendable, CaseIterable, Hashable {
    case equicty
    case horsetelex

    /// The value of `data-attribution` on the attribution link.
    package var dataAttribute: String { rawValue }

    /// The provider's name as shown (`Equicty`, `HorseTelex`); the logo's `alt` must contain it.
    package var displayName: String {
        switch self {
        case .equicty: "Equicty"
        case .horsetelex: "HorseTelex"
        }
    }

    /// The logo's path in the theme and in the published site (`assets/equicty-logo.svg`).
    package var logoPath: String { "assets/\(rawValue)-logo.svg" }

    /// The link's target (`https://www.equicty.com/`).
    package var homepage: String {
        switch self {
        case .equicty: "https://www.equicty.com/"
        case .horsetelex: "https://www.horsetelex.com/"
        }
    }

    /// Whether `host` belongs to the provider (`equicty.com`, `www.equicty.com`, `horsetelex.nl` …).
    func owns(host: String) -> Bool {
        let host = host.lowercased()
        let labels = host.split(separator: ".")
        guard labels.count >= 2 else { return false }
        return labels[labels.count - 2] == Substring(rawValue)
    }
}
