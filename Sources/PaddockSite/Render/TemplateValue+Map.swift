import PaddockTemplate

extension TemplateValue {
    /// The entries of a map value (empty for other values).
    var mapValue: TemplateMap {
        if case .map(let map) = self { return map }
        return TemplateMap()
    }

    /// The text of a string value (nil for other values).
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
