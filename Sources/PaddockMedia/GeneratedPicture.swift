import Foundation

/// A generated photograph named by its size: `1600x1200.jpg`, `900x1600.webp`, `1200x900-o6.jpg`
/// (EXIF orientation 6), `800x600.png`. The sandbox serves them and the demo data shows them.
package struct GeneratedPicture: Hashable, Sendable {
    package var width: Int
    package var height: Int
    package var orientation: Int
    package var format: ImageFormat?

    package init?(_ name: String) {
        let parts = name.split(separator: ".")
        guard parts.count == 2 else { return nil }
        switch parts[1] {
        case "jpg": format = .jpeg
        case "webp": format = .webp
        case "png": format = nil
        default: return nil
        }
        let stem = parts[0].split(separator: "-")
        let size = stem[0].split(separator: "x").compactMap { Int($0) }
        guard size.count == 2, (1...6000).contains(size[0]), (1...6000).contains(size[1]) else { return nil }
        width = size[0]; height = size[1]
        orientation = 1
        if stem.count == 2 {
            guard stem[1].hasPrefix("o"), let value = Int(stem[1].dropFirst()), (1...8).contains(value) else { return nil }
            orientation = value
        } else if stem.count > 2 { return nil }
    }

    package var contentType: String {
        switch format { case .jpeg: "image/jpeg"; case .webp: "image/webp"; case .avif: "image/avif"; case nil: "image/png" }
    }

    /// The encoded picture.
    package func bytes() throws -> Data {
        try SamplePictures.photo(width: width, height: height, format: format, orientation: orientation)
    }

    /// The picture named `name` as a file of `folder`, made when it is not there yet.
    package static func file(_ name: String, in folder: URL) throws -> URL? {
        guard let picture = GeneratedPicture(name) else { return nil }
        let file = folder.appending(path: name)
        if !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try picture.bytes().write(to: file, options: .atomic)
        }
        return file
    }
}
