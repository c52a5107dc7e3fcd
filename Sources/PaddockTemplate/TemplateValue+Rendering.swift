extension TemplateValue {
    /// Whether a section renders: `false`, null, the empty string and the empty list do not.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .string(let s): !s.isEmpty
        case .array(let a): !a.isEmpty
        case .int, .double, .map, .lambda: true
        }
    }

    /// The text `{{value}}` writes before escaping.
    var interpolationText: String {
        switch self {
        case .null, .map, .lambda: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { String(Int(d)) } else { String(d) }
        case .string(let s): s
        case .array(let items): items.map(\.interpolationText).joined(separator: ",")
        }
    }
}
