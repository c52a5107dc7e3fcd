import CVipsShim
import Foundation

/// glibc gives every thread that allocates an arena of its own, up to eight per core, and keeps
/// what is freed in it. The picture step frees megabytes per photograph from several threads
/// (ours, and libheif's AV1 encoder's), so with the default its resident memory only grows:
/// `ImageBenchmark` over 1,000 photographs peaked at 407 MB, and over 150 at 360 MB; with one
/// arena per core, 199 MB over the same 150, and no slower (docs/PERFORMANCE.md).
package enum MallocArenas {
    /// Caps glibc's arenas at one per core (at least two). Called once, first thing, by the
    /// processes that make pictures (`paddock`, `ImageBenchmark`); elsewhere it changes nothing.
    package static func limitToCores() {
        _ = pv_limit_malloc_arenas(Int32(max(2, ProcessInfo.processInfo.activeProcessorCount)))
    }
}
