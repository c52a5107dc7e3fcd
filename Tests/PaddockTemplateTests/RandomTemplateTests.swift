import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockTemplate


/// Throws of the engine's own error types count as handled; anything else (or a crash) fails.
private func rendersOrThrowsCleanly(_ templates: [String: String], _ data: TemplateValue, main: String) -> Bool {
    do {
        let set = try TemplateSet(templates: templates, strict: false,
                                  limits: RenderLimits(maxDepth: 40, maxOutputBytes: 1 << 20, maxSteps: 200_000))
        _ = try set.render(main, data)
        return true
    } catch is TemplateSetError {
        return true
    } catch is TemplateError {
        return true
    } catch {
        return false
    }
}

@Suite struct RandomTemplateTests {
    static let fragments = [
        "{{", "}}", "{{{", "}}}", "{", "}", "#", "^", "/", ">", "<", "$", "=", "!", "&", "*", ".", " ", "\n", "\r\n", "\t",
        "a", "b", "list", "a.b", "{{a}}", "{{{a}}}", "{{&b}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{#list}}", "{{/list}}",
        "{{>p}}", "{{>q}}", "{{>*name}}", "{{<p}}", "{{/p}}", "{{$x}}", "{{/x}}", "{{<q}}", "{{/q}}", "{{=<% %>=}}", "<%", "%>",
        "<%a%>", "{{=| |=}}", "|a|", "{{! c }}", "{{.}}", "  ", "é", "🐴", "\u{202E}", "<script>", "\"", "'", "\u{0}",
    ]

    static func randomTemplate(_ rng: inout SeededGenerator) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            if Int.random(in: 0..<8, using: &rng) == 0 {
                out.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0...0x2FF, using: &rng)) ?? "?")
            } else {
                out += fragments.randomElement(using: &rng)!
            }
        }
        return out
    }

    static func randomValue(_ rng: inout SeededGenerator, depth: Int = 0) -> TemplateValue {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 8), using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return .int(Int.random(in: -5...5, using: &rng))
        case 3: return .string(["", "p", "q", "x", "<b>&\"", "{{a}}"].randomElement(using: &rng)!)
        case 4: return .double(Double.random(in: -2...2, using: &rng))
        case 5, 6:
            var map = TemplateMap()
            for key in ["a", "b", "list", "name", "x"] where Bool.random(using: &rng) {
                map[key] = randomValue(&rng, depth: depth + 1)
            }
            return .map(map)
        default:
            return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
        }
    }

    @Test func randomTemplatesRenderOrThrow() {
        var rng = SeededGenerator(seed: 0x5EED)
        var failures: [String] = []
        for _ in 0..<6_000 {
            let templates = ["main": Self.randomTemplate(&rng), "p": Self.randomTemplate(&rng), "q": Self.randomTemplate(&rng)]
            if !rendersOrThrowsCleanly(templates, Self.randomValue(&rng), main: "main") { failures.append(templates["main"]!) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    @Test func mutatedSpecTemplatesRenderOrThrow() {
        var rng = SeededGenerator(seed: 42)
        let sources = SpecCase.all
        var count = 0
        for spec in sources {
            for _ in 0..<30 {
                var bytes = Array(spec.template.utf8)
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0 where !bytes.isEmpty: bytes.remove(at: position)
                    case 1: bytes.insert(contentsOf: Array(Self.fragments.randomElement(using: &rng)!.utf8), at: position)
                    case 2 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &rng)
                    default: bytes.insert(contentsOf: bytes.prefix(8), at: position)
                    }
                }
                var templates = spec.partials
                templates["main"] = String(decoding: bytes, as: UTF8.self)
                #expect(rendersOrThrowsCleanly(templates, spec.data, main: "main"), "\(templates["main"]!.debugDescription)")
                count += 1
            }
        }
        #expect(count > 5_000)
    }

    @Test func byteSoupRendersOrThrows() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let template = String(decoding: bytes, as: UTF8.self)
            #expect(rendersOrThrowsCleanly(["main": template, "p": template], ["a": "x"], main: "main"))
        }
    }

    @Test func deepNestingIsRefusedNotCrashing() throws {
        let deep = String(repeating: "{{#a}}", count: 5_000) + "x" + String(repeating: "{{/a}}", count: 5_000)
        #expect(throws: TemplateSetError.self) { try TemplateSet(templates: ["main": deep]) }
        let allowed = String(repeating: "{{#a}}", count: 150) + "{{b}}" + String(repeating: "{{/a}}", count: 150)
        let set = try TemplateSet(templates: ["main": allowed])
        #expect(try set.renderString("main", ["a": true, "b": "deep"]) == "deep")
    }

    @Test func longAndOddDelimitersWork() throws {
        let open = String(repeating: "<", count: 300), close = String(repeating: ">", count: 300)
        let template = "{{=\(open) \(close)=}}[\(open)a\(close)]\(open)={{ }}=\(close)({{a}})"
        let set = try TemplateSet(templates: ["main": template])
        #expect(try set.renderString("main", ["a": "🐴"]) == "[🐴](🐴)")
        let unicode = try TemplateSet(templates: ["main": "{{=« »=}}«#l»«.»«/l»"])
        #expect(try unicode.renderString("main", ["l": [1, 2, 3]]) == "123")
    }

    @Test func partialRecursionWithoutEndStopsAtTheLimit() throws {
        let set = try TemplateSet(templates: ["main": "{{#a}}{{>main}}{{/a}}"], limits: RenderLimits(maxDepth: 64))
        #expect(throws: TemplateError.self) { try set.render("main", ["a": true]) }
    }
}
