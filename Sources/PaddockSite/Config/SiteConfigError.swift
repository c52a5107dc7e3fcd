/// Why `paddock.toml` could not be turned into a ``SiteConfig``.
///
/// The description always says where: `paddock.toml:14: sources.equicty.gender: …`.
package struct SiteConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, for callers that branch on it (exit codes, tests).
    package enum Kind: String, Sendable, Equatable {
        /// The file is not valid TOML.
        case syntax
        /// A key Paddock does not know (often a typo).
        case unknownKey
        /// A value of the wrong TOML type (a string where a number belongs).
        case wrongType
        /// A value of the right type that is not allowed (`ftp://`, `xx` as a language).
        case invalidValue
        /// A required key is absent.
        case missingKey
        /// A secret (API key, client secret, token) was put in the config file.
        case secretInConfig
        /// The file could not be read.
        case unreadable
    }

    package var kind: Kind
    /// The full dotted path of the key (`sources.equicty.gender`), when the error concerns one.
    package var key: String?
    /// 1-based line in the file, when known.
    package var line: Int?
    /// The file's name or path, for the message (`paddock.toml`).
    package var file: String
    /// What is wrong and, where it helps, how to fix it.
    package var message: String

    package init(kind: Kind, key: String?, line: Int?, file: String = "paddock.toml", message: String) {
        self.kind = kind; self.key = key; self.line = line; self.file = file; self.message = message
    }

    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}
