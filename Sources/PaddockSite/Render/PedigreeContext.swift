import PaddockCatalogue
import PaddockTemplate

/// The built-in 3-generation pedigree as cells of a bracket: sire line on top, dam below.
enum PedigreeContext {
    /// `{cells: [{key, ancestor, label, generation, female}]}` in bracket order, or null without a pedigree.
    static func value(_ pedigree: Pedigree?, data: LanguageData) -> TemplateValue {
        guard let pedigree, !pedigree.isEmpty else { return .null }
        let cells: [TemplateValue] = Pedigree.keys.map { key in
            .map([
                "key": .string(key),
                "ancestor": tv(pedigree[key]),
                "label": .string(data.string("pedigree_\(key)")),
                "generation": .int(key.count),
                "female": .bool(key.hasSuffix("m")),
            ])
        }
        return .map(["cells": .array(cells)])
    }
}
