import PaddockHistory

/// The kinds of catalogue items that have pages of their own.
package enum ItemKind: String, Sendable, Hashable, CaseIterable {
    case horse
    case animal

    /// Their folder below the language folder.
    package var folder: String { self == .horse ? "horses/" : "for-sale/" }

    /// The key of an item of this kind in the site's history.
    package func key(_ id: String) -> HistoryItemKey { HistoryItemKey(kind: rawValue, id: id) }
}
