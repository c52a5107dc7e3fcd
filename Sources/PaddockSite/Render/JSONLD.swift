/// schema.org data as the text of a `<script type="application/ld+json">` element.
///
/// A small writer of its own: keys sorted, output deterministic, and `<`, `>`, `&`, U+2028 and
/// U+2029 escaped as `\u…`, so no text from the APIs can close the script element or start markup.
enum JSONLD {
    /// A JSON value; objects keep their keys sorted when written.
    indirect enum Value: ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral {
        case string(String)
        case object([String: Value])
        case array([Value])

        init(stringLiteral value: String) { self = .string(value) }
        init(dictionaryLiteral elements: (String, Value)...) {
            self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
        }
    }

    static func script(_ object: [String: Value]) -> String {
        var out = ""
        out.reserveCapacity(512)
        write(.object(object), into: &out)
        return out
    }

    static func write(_ value: Value, into out: inout String) {
        switch value {
        case .string(let text):
            writeString(text, into: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                writeString(key, into: &out)
                out += ":"
                write(members[key]!, into: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        if !needsEscaping(text) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// Whether any scalar of `text` is written escaped: `" \\ < > &`, a control character, U+2028 or U+2029.
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): return true
            case 0xA8...0xA9 where previous == 0x80 && beforePrevious == 0xE2: return true   // U+2028, U+2029
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
