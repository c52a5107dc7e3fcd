import ArgumentParser
import Foundation
import Logging
import PaddockSite

/// `paddock build`: fetch, render, check and publish the site in one step.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site and publish it atomically.",
        discussion: """
        Fetches the catalogue (unless --offline or --cached), renders every page, checks the \
        attribution the data providers require and publishes the site in one step. Exits 0 on \
        success, 1 when the build failed (the published site is left as it was) and 75 when \
        another build is running and --no-wait was given.
        """)

    @OptionGroup var site: SiteOptions
    @Flag(help: "Use only the cache; send no request.") var offline = false
    @Flag(help: "Build from the cache when it has the catalogue; fetch only when it does not.") var cached = false
    @Flag(help: "Build from the bundled demo data, whatever credentials are configured.") var demo = false
    @Flag(help: "Exit at once (status 75) when another build holds the lock, instead of waiting.") var noWait = false
    @Flag(help: "Fail (publishing nothing) when a quality gate finds a problem: JSON-LD, hreflang, links, alt text, h1.") var strict = false
    @Flag(help: "Log every step.") var verbose = false

    func validate() throws {
        if offline && cached { throw ValidationError("--offline and --cached cannot be combined") }
        _ = try site.requiredConfigFile()
    }

    func run() async throws {
        var logger = Logger(label: "paddock.build", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = verbose ? .debug : .warning
        var (builder, note) = try LoadedSite(site).builder(offline: offline, demo: demo, logger: logger)
        // One build, then the process exits: its memory goes back at exit, not object by object.
        builder.freesBuildStateOnReturn = false
        builder.strict = strict
        if let note { print(note) }
        do {
            let report = try await builder.buildHoldingLock(refetch: !(offline || cached), wait: !noWait)
            for warning in report.warnings { print("warning: \(warning)") }
            print("Built \(builder.config.outputFolder.path): \(report)")
        } catch SiteBuildError.busy(let lock) {
            FileHandle.standardError.write(Data("paddock: another build is running (lock: \(lock)); nothing done\n".utf8))
            throw ExitCode(75)
        } catch {
            FileHandle.standardError.write(Data("paddock: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
