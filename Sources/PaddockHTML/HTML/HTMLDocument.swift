import CLibXML2
import Foundation

/// An HTML document parsed by libxml2's forgiving HTML parser (no network, no error output).
///
/// Owns the libxml2 tree; ``HTMLNode`` values borrow from it and must not outlive it.
final class HTMLDocument {
    private let document: htmlDocPtr?

    /// Parses UTF-8 HTML. Never fails: broken markup is repaired as browsers do.
    init<Bytes: ContiguousBytes>(bytes: Bytes) {
        _ = Self.initialise
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        document = bytes.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress, !raw.isEmpty, raw.count < Int(Int32.max) else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, "UTF-8", options)
        }
    }

    convenience init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    deinit { if let document { xmlFreeDoc(document) } }

    /// The `<html>` element, or `nil` for an empty document.
    var root: HTMLNode? {
        guard let document, let node = xmlDocGetRootElement(document) else { return nil }
        return HTMLNode(node)
    }

    /// libxml2's global initialisation, once per process, before any thread parses.
    private static let initialise: Void = { xmlInitParser() }()
}
