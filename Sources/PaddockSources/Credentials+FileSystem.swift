#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PaddockPublish

extension Credentials {
    /// Loads the file (when it exists) and lays the environment over it (a refresh token the file
    /// holds in place of the environment's spent one stays: ``takeRefreshToken(fromEnvironment:)``).
    /// - Throws: ``CredentialsError`` when the file is readable by others or is not valid JSON.
    package static func load(file: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Credentials {
        var credentials = Credentials()
        if let file, FileManager.default.fileExists(atPath: file.path) {
            var info = stat()
            guard stat(file.path, &info) == 0 else { throw CredentialsError.unreadable(path: file.path) }
            if info.st_mode & 0o077 != 0 {
                throw CredentialsError.tooOpen(path: file.path, mode: String(info.st_mode & 0o777, radix: 8))
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw CredentialsError.unreadable(path: file.path)
            }
            do {
                credentials = try JSONDecoder().decode(Credentials.self, from: data)
            } catch {
                throw CredentialsError.invalid(path: file.path)
            }
        }
        func env(_ key: String) -> String? {
            guard let value = environment[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        if let v = env("PADDOCK_EQUICTY_API_KEY") { credentials.equictyAPIKey = v }
        if let v = env("PADDOCK_HUSBANDRY_CLIENT_ID") { credentials.husbandryClientID = v }
        if let v = env("PADDOCK_HUSBANDRY_CLIENT_SECRET") { credentials.husbandryClientSecret = v }
        if credentials.husbandryRefreshToken != nil { credentials.husbandryRefreshTokenOrigin = .credentialsFile }
        if let v = env(refreshTokenVariable) { credentials.takeRefreshToken(fromEnvironment: v) }
        if let v = env("PADDOCK_HUSBANDRY_USER_KEYS") {
            credentials.husbandryUserKeys = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let v = env("PADDOCK_WEBHOOK_SECRET") { credentials.webhookSecret = v }
        if let v = env("PADDOCK_SMAXTEC_EMAIL") { credentials.smaxtecEmail = v }
        if let v = env("PADDOCK_SMAXTEC_PASSWORD") { credentials.smaxtecPassword = v }
        return credentials
    }

    /// Writes the credentials to `file` with mode 0600, atomically (a temporary file renamed over it).
    package func save(to file: URL) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(self)
        do { try AtomicFile.write(data, to: file, mode: 0o600, sync: true) }
        catch { throw CredentialsError.unwritable(path: file.path) }
    }
}

/// Why the credentials could not be read or written. Messages name the file, never a secret.
package enum CredentialsError: Error, CustomStringConvertible, Equatable {
    case tooOpen(path: String, mode: String)
    case unreadable(path: String)
    case invalid(path: String)
    case unwritable(path: String)

    package var description: String {
        switch self {
        case .tooOpen(let path, let mode): "credentials file \(path) has mode \(mode); it must be readable by its owner only (chmod 600)"
        case .unreadable(let path): "cannot read credentials file \(path)"
        case .invalid(let path): "credentials file \(path) is not valid JSON with the documented keys"
        case .unwritable(let path): "cannot write credentials file \(path)"
        }
    }
}
