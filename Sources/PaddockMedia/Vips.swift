import CVipsShim
import Foundation

/// libvips through the C shim: started once, errors read back as Swift values.
enum Vips {
    /// Starts libvips (once per process).
    static func start() throws(MediaError) {
        guard pv_init() == 0 else { throw .unavailable(takeError() ?? "vips_init failed") }
    }

    /// The last libvips error, cleared.
    static func takeError() -> String? {
        guard let text = pv_take_error() else { return nil }
        defer { pv_free(text) }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n").prefix(2).joined(separator: "; ")
    }

    /// A buffer libvips allocated, copied into `Data` and released.
    static func take(_ pointer: UnsafeMutableRawPointer?, length: Int) -> Data {
        guard let pointer else { return Data() }
        defer { pv_free(pointer) }
        return Data(bytes: pointer, count: length)
    }

    /// One decoded image held by libvips, released when this goes.
    final class Image {
        let handle: UnsafeMutableRawPointer
        init(_ handle: UnsafeMutableRawPointer) { self.handle = handle }
        deinit { pv_unref(handle) }
        var width: Int { Int(pv_width(handle)) }
        var height: Int { Int(pv_height(handle)) }
    }
}
