/// Builds an ordered JSON object field by field.
struct WireObject {
    private(set) var fields: [(String, WireJSON)] = []

    mutating func set(_ key: String, _ value: WireJSON) {
        if let i = fields.firstIndex(where: { $0.0 == key }) { fields[i].1 = value } else { fields.append((key, value)) }
    }
    mutating func set(_ key: String, _ value: String) { set(key, .string(value)) }
    mutating func set(_ key: String, _ value: Int) { set(key, .int(value)) }
    mutating func set(_ key: String, _ value: Bool) { set(key, .bool(value)) }
    mutating func remove(_ key: String) { fields.removeAll { $0.0 == key } }

    var json: WireJSON { .object(fields) }
}
