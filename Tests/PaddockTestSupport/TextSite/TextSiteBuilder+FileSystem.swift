#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension TextSiteBuilder {
    var releasesFolder: URL { root.appending(path: ".paddock/releases") }

    /// A fresh, empty release folder.
    func makeReleaseFolder() throws -> URL {
        let folder = releasesFolder.appending(path: "\(Int(Date().timeIntervalSince1970 * 1000))-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw TextSiteError.cannotWrite(path: folder.path, reason: "\(error.localizedDescription)")
        }
        return folder
    }

    static func write(_ text: String, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw TextSiteError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }

    static func copyStatic(from folder: URL, to release: URL) throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            do {
                try FileManager.default.copyItem(at: folder.appending(path: name), to: release.appending(path: name))
            } catch {
                throw TextSiteError.cannotWrite(path: release.appending(path: name).path, reason: error.localizedDescription)
            }
        }
    }

    /// Points `public` at `release` in one `rename(2)` of a fresh symlink, then prunes old releases.
    func publish(_ release: URL) throws {
        let link = outputFolder.path
        let temporary = root.appending(path: ".paddock/public-\(UUID().uuidString).tmp").path
        guard symlink(release.path, temporary) == 0 else {
            throw TextSiteError.publishFailed(path: link, reason: String(cString: strerror(errno)))
        }
        guard rename(temporary, link) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TextSiteError.publishFailed(path: link, reason: reason)
        }
        pruneReleases(keeping: release)
    }

    /// Removes all but the three newest releases (never the published one).
    private func pruneReleases(keeping current: URL) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: releasesFolder.path)) ?? []).sorted()
        for name in names.dropLast(3) where name != current.lastPathComponent {
            try? FileManager.default.removeItem(at: releasesFolder.appending(path: name))
        }
    }

    /// Writes a small starter site into `root` (layout, a home page, two horse pages, a stylesheet).
    package static func writeStarterSite(at root: URL) throws {
        let files: [String: String] = [
            "templates/layout.html": """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><title>{{title}} · {{site}}</title>
                <link rel="stylesheet" href="/style.css"></head>
                <body>
                <header><a href="/">{{site}}</a></header>
                <main><h1>{{title}}</h1>
                {{content}}
                </main>
                </body>
                </html>

                """,
            "pages/index.txt": "Our horses\n\nWelcome to the stable.\n",
            "pages/bella.txt": "Bella\n\nA bay mare, born 2016.\n",
            "pages/caspar.txt": "Caspar\n\nA grey gelding, born 2012.\n",
            "static/style.css": "body { font-family: sans-serif; margin: 2rem; }\nh1 { color: #234; }\n",
        ]
        for (path, text) in files { try write(text, to: root.appending(path: path)) }
    }
}
