import Foundation
import Testing
@testable import PaddockTemplate

@Suite struct TemplateErrorTests {
    private func loadError(_ templates: [String: String], strict: Bool = true) -> TemplateSetError? {
        do {
            _ = try TemplateSet(templates: templates, strict: strict)
            return nil
        } catch let error as TemplateSetError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let source: String
        let kind: TemplateError.Kind
        let line: Int
        let column: Int
        let lineText: String
        var testDescription: String { source.debugDescription }
    }

    static let cases: [Case] = [
        Case(source: "<p>\n  {{name</p>", kind: .unclosedTag, line: 2, column: 3, lineText: "  {{name</p>"),
        Case(source: "{{#horses}}\n<li>{{name}}</li>\n", kind: .unclosedSection("horses"), line: 1, column: 1, lineText: "{{#horses}}"),
        Case(source: "{{#a}}\n x {{/b}}", kind: .mismatchedSection(expected: "a", found: "b"), line: 2, column: 4, lineText: " x {{/b}}"),
        Case(source: "ok\n{{/a}}", kind: .unexpectedClosingTag("a"), line: 2, column: 1, lineText: "{{/a}}"),
        Case(source: "{{=<% %> x=}}", kind: .invalidDelimiters("<% %> x"), line: 1, column: 1, lineText: "{{=<% %> x=}}"),
        Case(source: "é {{}}", kind: .emptyTag, line: 1, column: 3, lineText: "é {{}}"),
        Case(source: "{{first name}}", kind: .invalidName("first name"), line: 1, column: 1, lineText: "{{first name}}"),
        Case(source: "a\r\n{{> nowhere}}", kind: .unknownPartial("nowhere"), line: 2, column: 1, lineText: "{{> nowhere}}"),
        Case(source: "{{<nowhere}}{{/nowhere}}", kind: .unknownParent("nowhere"), line: 1, column: 1, lineText: "{{<nowhere}}{{/nowhere}}"),
        Case(source: "{{=| |=}}\n|#a|\n|/b|", kind: .mismatchedSection(expected: "a", found: "b"), line: 3, column: 1, lineText: "|/b|"),
    ]

    @Test(arguments: cases)
    func malformedTemplateNamesTemplateLineAndColumn(_ c: Case) throws {
        let error = try #require(loadError(["pages/horse": c.source]))
        #expect(error.errors.count == 1)
        let first = try #require(error.errors.first)
        #expect(first.kind == c.kind)
        #expect(first.template == "pages/horse")
        #expect(first.line == c.line)
        #expect(first.column == c.column)
        #expect(first.lineText == c.lineText)
        #expect(first.description.hasPrefix("pages/horse:\(c.line):\(c.column): "))
        #expect(first.description.contains(c.lineText))
    }

    @Test func loadingReportsEveryBrokenTemplate() throws {
        let error = try #require(loadError(["a": "{{#x}}", "b": "fine {{y}}", "c": "{{/z}}", "d": "{{w"]))
        #expect(error.errors.map(\.template) == ["a", "c", "d"])
        #expect(error.description.hasPrefix("3 template errors"))
    }

    @Test func unknownPartialRendersEmptyWhenNotStrict() throws {
        let set = try TemplateSet(templates: ["main": "[{{>nowhere}}]"], strict: false)
        #expect(try set.renderString("main", [:]) == "[]")
    }

    @Test func unconditionalCycleIsALoadError() throws {
        let error = try #require(loadError(["a": "x {{>b}}", "b": "{{<c}}{{/c}}", "c": "{{>a}}"]))
        guard case .cycle(let chain) = try #require(error.errors.first).kind else {
            Issue.record("expected a cycle, got \(error)")
            return
        }
        #expect(chain.first == chain.last)
        #expect(Set(chain) == ["a", "b", "c"])
    }

    @Test func selfInclusionIsACycle() throws {
        let error = try #require(loadError(["a": "{{>a}}"]))
        #expect(error.errors.first?.kind == .cycle(["a", "a"]))
    }

    @Test func dataDrivenRecursionPastTheDepthLimitThrowsWithTheChain() throws {
        var nested: TemplateValue = ["name": "leaf"]
        for _ in 0..<200 { nested = ["child": nested] }
        let set = try TemplateSet(templates: ["node": "{{#child}}\n{{>node}}\n{{/child}}"], limits: RenderLimits(maxDepth: 50))
        #expect(throws: TemplateError.self) { try set.render("node", nested) }
        do {
            _ = try set.render("node", nested)
        } catch let error as TemplateError {
            guard case .recursionTooDeep(let limit, let chain) = error.kind else { Issue.record("wrong kind \(error)"); return }
            #expect(limit == 50)
            #expect(chain.allSatisfy { $0 == "node" })
            #expect(error.template == "node")
            #expect(error.line == 2)
        }
    }

    @Test func shallowDataDrivenRecursionRenders() throws {
        let set = try TemplateSet(templates: ["node": "{{name}}({{#children}}{{>node}}{{/children}})"])
        let tree: TemplateValue = ["name": "a", "children": [["name": "b", "children": []], ["name": "c", "children": []]]]
        #expect(try set.renderString("node", tree) == "a(b()c())")
    }

    @Test func exponentialOutputStopsAtTheBudget() throws {
        let set = try TemplateSet(templates: ["main": "{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}{{#l}}xxxxxxxx{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}{{/l}}"],
                                  limits: RenderLimits(maxOutputBytes: 1 << 20, maxSteps: 1_000_000))
        let list: TemplateValue = .array(Array(repeating: 1, count: 30))
        #expect(throws: TemplateError.self) { try set.render("main", ["l": list]) }
    }

    @Test func renderingAnUnknownTemplateNameThrows() throws {
        let set = try TemplateSet(templates: ["a": "x"])
        #expect(throws: TemplateRenderError.unknownTemplate("b")) { try set.render("b", [:]) }
    }
}
