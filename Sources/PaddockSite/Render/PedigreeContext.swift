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

    /// The cells without their ancestors (the same on every page of a language), in ``Pedigree/keys`` order.
    static func cells(labels: [TemplateValue]) -> [TemplateMap] {
        zip(Pedigree.keys, labels).map { key, label in
            var cell: TemplateMap = ["key": .string(key), "label": label, "generation": .int(key.count), "female": .bool(key.hasSuffix("m"))]
            cell.reserveCapacity(5)
            return cell
        }
    }

    static func value(_ pedigree: Pedigree?, data: LanguageData) -> TemplateValue {
        guard let pedigree, !pedigree.isEmpty else { return .null }
        let cells: [TemplateValue] = zip(Pedigree.keys, data.pedigreeCells).map { key, base in
            var cell = base
            cell["ancestor"] = .nonEmpty(pedigree[key])
            return .map(cell)
        }
        return .map(["cells": .array(cells)])
    }
}
