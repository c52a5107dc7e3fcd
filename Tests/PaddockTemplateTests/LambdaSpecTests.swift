import Foundation
import Synchronization
import Testing
@testable import PaddockTemplate

/// Every case of the spec's `~lambdas.json`, ported with Swift closures in place of its code strings.
@Suite struct LambdaSpecTests {
    private func render(_ template: String, _ data: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var templates = partials
        templates["main"] = template
        return try TemplateSet(templates: templates, strict: false).renderString("main", data)
    }

    @Test func interpolationLambdaValueIsInterpolated() throws {
        #expect(try render("Hello, {{lambda}}!", ["lambda": .lambda(TemplateLambda { _ in "world" })]) == "Hello, world!")
    }

    @Test func interpolationLambdaResultIsParsed() throws {
        let data: TemplateValue = ["planet": "world", "lambda": .lambda(TemplateLambda { _ in "{{planet}}" })]
        #expect(try render("Hello, {{lambda}}!", data) == "Hello, world!")
    }

    @Test func interpolationLambdaResultParsesWithDefaultDelimiters() throws {
        let data: TemplateValue = ["planet": "world", "lambda": .lambda(TemplateLambda { _ in "|planet| => {{planet}}" })]
        #expect(try render("{{= | | =}}\nHello, (|&lambda|)!", data) == "Hello, (|planet| => world)!")
    }

    @Test func interpolationLambdaIsCalledEachTime() throws {
        let calls = Mutex(0)
        let lambda = TemplateLambda { _ in calls.withLock { $0 += 1; return String($0) } }
        #expect(try render("{{lambda}} == {{{lambda}}} == {{lambda}}", ["lambda": .lambda(lambda)]) == "1 == 2 == 3")
    }

    @Test func lambdaResultIsEscapedLikeAnyValue() throws {
        #expect(try render("<{{lambda}}{{{lambda}}}", ["lambda": .lambda(TemplateLambda { _ in ">" })]) == "<&gt;>")
    }

    @Test func sectionLambdaReceivesTheRawSectionText() throws {
        let data: TemplateValue = ["x": "Error!", "lambda": .lambda(TemplateLambda { $0 == "{{x}}" ? "yes" : "no" })]
        #expect(try render("<{{#lambda}}{{x}}{{/lambda}}>", data) == "<yes>")
    }

    @Test func sectionLambdaResultIsParsed() throws {
        let data: TemplateValue = ["planet": "Earth", "lambda": .lambda(TemplateLambda { "\($0){{planet}}\($0)" })]
        #expect(try render("<{{#lambda}}-{{/lambda}}>", data) == "<-Earth->")
    }

    @Test func sectionLambdaResultParsesWithCurrentDelimiters() throws {
        let data: TemplateValue = ["planet": "Earth", "lambda": .lambda(TemplateLambda { "\($0){{planet}} => |planet|\($0)" })]
        #expect(try render("{{= | | =}}<|#lambda|-|/lambda|>", data) == "<-{{planet}} => Earth->")
    }

    @Test func sectionLambdaIsCalledEachTime() throws {
        let data: TemplateValue = ["lambda": .lambda(TemplateLambda { "__\($0)__" })]
        #expect(try render("{{#lambda}}FILE{{/lambda}} != {{#lambda}}LINE{{/lambda}}", data) == "__FILE__ != __LINE__")
    }

    @Test func lambdaIsTruthyForAnInvertedSection() throws {
        let data: TemplateValue = ["static": "static", "lambda": .lambda(TemplateLambda { _ in "false" })]
        #expect(try render("<{{^lambda}}{{static}}{{/lambda}}>", data) == "<>")
    }

    @Test func lambdaResultCanUsePartialsOfTheSet() throws {
        let data: TemplateValue = ["name": "Arko", "lambda": .lambda(TemplateLambda { _ in "{{>badge}}" })]
        #expect(try render("{{lambda}}", data, partials: ["badge": "<b>{{name}}</b>"]) == "&lt;b&gt;Arko&lt;/b&gt;")
    }
}
