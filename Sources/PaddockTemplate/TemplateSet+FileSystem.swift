import Foundation

extension TemplateSet {
    /// Loads every `*.mustache` file below `folder`; a file's name in the set is its path relative
    /// to `folder` without the extension (`partials/head`).
    /// - Throws: ``TemplateLoadError`` when the folder or a file cannot be read, or
    ///   ``TemplateSetError`` listing every broken template.
    public static func load(folder: URL, strict: Bool = true, limits: RenderLimits = RenderLimits(),
                            adding extra: [String: String] = [:]) throws -> TemplateSet {
        try TemplateSet(templates: readTemplates(in: folder).merging(extra) { _, added in added }, strict: strict, limits: limits)
    }

    /// The sources of every `*.mustache` file below `folder`, by name.
    public static func readTemplates(in folder: URL) throws -> [String: String] {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateLoadError.notAFolder(folder.path)
        }
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw TemplateLoadError.notAFolder(folder.path)
        }
        var sources: [String: String] = [:]
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(prefix) else { continue }
            let name = String(path.dropFirst(prefix.count).dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: path) else { throw TemplateLoadError.unreadable(path) }
            sources[name] = String(decoding: data, as: UTF8.self)
        }
        return sources
    }
}

/// A template folder or file that could not be read.
public enum TemplateLoadError: Error, CustomStringConvertible, Equatable {
    case notAFolder(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .notAFolder(let path): "template folder \(path) does not exist or is not a folder"
        case .unreadable(let path): "cannot read template \(path)"
        }
    }
}
