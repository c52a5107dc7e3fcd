import ArgumentParser
import Foundation
import PaddockTemplate

/// `paddock render TEMPLATE --data DATA.json [--partials DIR]`: one template, byte for byte to stdout.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Mustache template with JSON data to standard output.",
        discussion: "{{> name}} and {{< name}} resolve to DIR/name.mustache. Errors name the file, line and column."
    )

    @Argument(help: "The template file.") var template: String
    @Option(name: .long, help: "A JSON file with the data to render.") var data: String
    @Option(name: .long, help: "The folder that partials and parents are read from.") var partials: String?
    @Flag(name: .long, help: "Render unknown partials as empty text instead of failing.") var lenient = false

    func run() throws {
        do {
            FileHandle.standardOutput.write(Data(try render()))
        } catch {
            // `render()` throws only `RenderFailure` (typed throws).
            FileHandle.standardError.write(Data("paddock: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func render() throws(RenderFailure) -> [UInt8] {
        let templateSource = try read(template, what: "template")
        let dataBytes = try read(data, what: "data file")
        let context: TemplateValue
        do {
            context = try TemplateValue(json: dataBytes)
        } catch {
            throw RenderFailure(message: "\(data): invalid JSON: \(JSONErrorText.describe(error, in: dataBytes))")
        }
        var sources: [String: String] = [:]
        if let partials {
            do { sources = try TemplateSet.readTemplates(in: URL(filePath: partials)) }
            catch { throw RenderFailure(message: "\(error)") }
        }
        sources[template] = String(decoding: templateSource, as: UTF8.self)
        do {
            let set = try TemplateSet(templates: sources, strict: !lenient)
            return try set.render(template, context)
        } catch let error as TemplateSetError {
            let lines = error.errors.map { located($0) }
            throw RenderFailure(message: lines[0] + (lines.count > 1 ? " (and \(lines.count - 1) more)" : ""))
        } catch let error as TemplateError {
            throw RenderFailure(message: located(error))
        } catch {
            throw RenderFailure(message: "\(error)")
        }
    }

    /// `file:line:column: message`, with set names turned back into the files they came from.
    private func located(_ error: TemplateError) -> String {
        var located = error
        if error.template != template, let partials {
            located.template = URL(filePath: partials).appending(path: error.template + ".mustache").path
        }
        return located.summary
    }

    private func read(_ path: String, what: String) throws(RenderFailure) -> Data {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw RenderFailure(message: "\(path): cannot read the \(what)")
        }
        return bytes
    }
}

/// A message for standard error; the command exits with status 1.
struct RenderFailure: Error {
    let message: String
}

/// Where JSON decoding failed, as `line:column: reason`.
enum JSONErrorText {
    static func describe(_ error: any Error, in bytes: Data) -> String {
        var reason = "\(error)"
        if case DecodingError.dataCorrupted(let context) = error {
            reason = context.underlyingError.map { "\($0)" } ?? context.debugDescription
        }
        // JSONSerialization says where the syntax breaks ("Invalid value around character 14.").
        do {
            _ = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { reason = detail }
        }
        if let (line, column) = position(in: reason) { return "\(line):\(column): \(reason)" }
        if let offset = offset(in: reason) {
            let prefix = bytes.prefix(offset)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = prefix.count - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return "\(line):\(column): \(reason)"
        }
        return reason
    }

    private static func position(in text: String) -> (Int, Int)? {
        guard let match = text.firstMatch(of: /line (\d+), column (\d+)/) else { return nil }
        return (Int(match.1)!, Int(match.2)!)
    }

    private static func offset(in text: String) -> Int? {
        guard let match = text.firstMatch(of: /character (\d+)/) else { return nil }
        return Int(match.1)
    }
}
