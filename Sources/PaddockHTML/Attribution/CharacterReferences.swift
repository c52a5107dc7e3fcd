/// The character references the strict page scan reads itself: `&amp;` `&lt;` `&gt;` `&quot;`
/// `&apos;` `&nbsp;` and numeric ones (`&#39;`, `&#x27;`). Text with any other reference is left
/// to libxml2, which knows them all.
enum CharacterReferences {
    private static let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]

    /// Whether every `&` in `text` starts one of the references read here.
    static func areCommon(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        decode(Array(text)[...]) != nil
    }

    /// `text` with its references replaced, or `nil` when one is not among those read here.
    static func decode(_ text: ArraySlice<UInt8>) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            guard byte == UInt8(ascii: "&") else { output.append(byte); index += 1; continue }
            guard let semicolon = text[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
            let body = text[(index + 1)..<semicolon]
            let scalar: Unicode.Scalar?
            if body.first == UInt8(ascii: "#") {
                let digits = body.dropFirst()
                if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
                    scalar = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = UInt32(String(decoding: digits, as: UTF8.self), radix: 10).flatMap(Unicode.Scalar.init)
                }
            } else {
                scalar = named[String(decoding: body, as: UTF8.self)]
            }
            guard let scalar, scalar.value != 0 else { return nil }
            output.append(contentsOf: String(Character(scalar)).utf8)
            index = semicolon + 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
