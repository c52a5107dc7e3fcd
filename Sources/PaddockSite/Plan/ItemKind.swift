import PaddockHistory

/// The kinds of catalogue items that have pages of their own. Everything that differs by kind
/// (folder, templates, the words of their "no longer available" page) is a property here, so a
/// new source adds a case and its answers.
package enum ItemKind: String, Sendable, Hashable, CaseIterable {
    case horse
    case animal
    /// An animal of a smaXtec herd.
    case herdAnimal = "herd-animal"

    /// Their folder below the language folder.
    package var folder: String {
        switch self {
        case .horse: "horses/"
        case .animal: "for-sale/"
        case .herdAnimal: "herd/"
        }
    }

    /// The template of an item's page, live or sold.
    var template: String {
        switch self {
        case .horse: "horse"
        case .animal: "animal"
        case .herdAnimal: "herd-animal"
        }
    }

    /// The translation of the text of a "no longer available" page.
    var goneTextKey: String {
        switch self {
        case .horse: "gone_text_horse"
        case .animal: "gone_text_animal"
        case .herdAnimal: "gone_text_herd"
        }
    }

    /// The translation of the link to the listing of this kind.
    var listingLabelKey: String {
        switch self {
        case .horse: "see_horses"
        case .animal: "see_for_sale"
        case .herdAnimal: "see_herd"
        }
    }

    /// Whether a page of this kind shows Equicty's data (and so needs its attribution).
    var showsEquictyData: Bool { self == .horse }

    /// The key of an item of this kind in the site's history.
    package func key(_ id: String) -> HistoryItemKey { HistoryItemKey(kind: rawValue, id: id) }
}
