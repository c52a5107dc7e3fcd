import PaddockCatalogue
import PaddockTemplate

/// The built-in 3-generation pedigree as cells of a bracket: sire line on top, dam below.
enum PedigreeContext {
    /// `{cells: [{key, ancestor, label, generation, female}]}` in bracket order, or null without a pedigree.
    /// The cell labels of ``Pedigree/keys``, in that order (the same on every page of a language).
    static func labels(_ strings: [String: String]) -> [TemplateValue] {
        Pedigree.keys.map { key in
            let name = "pedigree_\(key)"
            return .string(strings[name] ?? name)
        }
    }

    static func value(_ pedigree: Pedigree?, data: LanguageData) -> TemplateValue {
        guard let pedigree, !pedigree.isEmpty else { return .null }
        let cells: [TemplateValue] = zip(Pedigree.keys, data.pedigreeLabels).map { key, label in
            .map([
                "key": .string(key),
                "ancestor": tv(pedigree[key]),
                "label": label,
                "generation": .int(key.count),
                "female": .bool(key.hasSuffix("m")),
            ])
        }
        return .map(["cells": .array(cells)])
    }
}
