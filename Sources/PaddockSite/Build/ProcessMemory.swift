import Foundation

/// The process's resident memory, for the build's verbose phase log.
enum ProcessMemory {
    /// Resident memory now, in MB ("173 MB"), or "unknown" where `/proc/self/statm` is missing.
    static var residentDescription: String {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return "unknown" }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return "unknown" }
        return "\((pages * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20) MB"
    }
}
