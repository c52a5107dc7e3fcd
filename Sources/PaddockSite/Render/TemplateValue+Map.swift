import PaddockTemplate

extension TemplateValue {
    /// The entries of a map value (empty for other values).
    var mapValue: [String: TemplateValue] {
        if case .map(let map) = self { return map }
        return [:]
    }
}
