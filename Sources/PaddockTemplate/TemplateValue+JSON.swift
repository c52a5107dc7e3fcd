import Foundation

extension TemplateValue: Decodable {
    /// Decodes any JSON value: objects become maps, arrays arrays, integers `.int`, other numbers `.double`.
    public init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [TemplateValue] = []
            if let count = array.count { items.reserveCapacity(count) }
            while !array.isAtEnd { items.append(try array.decode(TemplateValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: JSONKey.self) {
            var map = TemplateMap(minimumCapacity: object.allKeys.count)
            for key in object.allKeys { map[key.stringValue] = try object.decode(TemplateValue.self, forKey: key) }
            self = .map(map)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let b = try? single.decode(Bool.self) { self = .bool(b) }
        else if let i = try? single.decode(Int.self) { self = .int(i) }
        else if let d = try? single.decode(Double.self) { self = .double(d) }
        else { self = .string(try single.decode(String.self)) }
    }

    /// Decodes JSON bytes.
    /// - Throws: `DecodingError` when `json` is not valid JSON.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(TemplateValue.self, from: json)
    }
}

private struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
