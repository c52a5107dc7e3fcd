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
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(.object(object), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as JSON text (UTF-8).
    static func write(_ value: Value, into out: inout [UInt8]) {
        switch value {
        case .string(let text):
            writeString(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string, escaping what could end the script element or start markup.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if !needsEscaping(text) {
            out += text.utf8
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\"".utf8
            case "\\": out += "\\\\".utf8
            case "\n": out += "\\n".utf8
            case "\r": out += "\\r".utf8
            case "\t": out += "\\t".utf8
            case "<": out += "\\u003c".utf8
            case ">": out += "\\u003e".utf8
            case "&": out += "\\u0026".utf8
            case "\u{2028}": out += "\\u2028".utf8
            case "\u{2029}": out += "\\u2029".utf8
            default:
                if scalar.value < 0x20 {
                    out += ("\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)).utf8
                } else {
                    out += String(scalar).utf8
                }
            }
        }
        out.append(UInt8(ascii: "\""))
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
