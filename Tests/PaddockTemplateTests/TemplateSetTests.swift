import Foundation
import PaddockTestSupport
import Testing
@testable import PaddockTemplate

@Suite struct TemplateSetTests {
    @Test func loadsAFolderWithSubfolderNames() throws {
        let folder = try TemporaryFolder("paddock-templates")
        defer { folder.remove() }
        try folder.write("<head>{{title}}</head>", to: "partials/head.mustache")
        try folder.write("{{>partials/head}}<main>{{$main}}{{/main}}</main>", to: "layout.mustache")
        try folder.write("{{<layout}}{{$main}}{{name}}{{/main}}{{/layout}}", to: "horse.mustache")
        try folder.write("not a template", to: "notes.txt")
        let set = try TemplateSet.load(folder: folder.url)
        #expect(set.names == ["horse", "layout", "partials/head"])
        #expect(try set.renderString("horse", ["title": "T", "name": "Arko"]) == "<head>T</head><main>Arko</main>")
    }

    @Test func missingFolderIsAClearError() {
        #expect(throws: TemplateLoadError.notAFolder("/nonexistent/paddock")) {
            try TemplateSet.load(folder: URL(filePath: "/nonexistent/paddock"))
        }
    }

    @Test func escapesExactlyTheSpecCharacters() throws {
        let set = try TemplateSet(templates: ["main": "{{x}}|{{{x}}}|{{&x}}"])
        #expect(try set.renderString("main", ["x": "<a href=\"x\">&'é🐴</a>"])
            == "&lt;a href=&quot;x&quot;&gt;&amp;'é🐴&lt;/a&gt;|<a href=\"x\">&'é🐴</a>|<a href=\"x\">&'é🐴</a>")
    }

    @Test func rendersAppendingToAnExistingBuffer() throws {
        let set = try TemplateSet(templates: ["main": "{{a}}"])
        var buffer = Array("prefix:".utf8)
        try set.render("main", ["a": "b"], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "prefix:b")
    }

    @Test func decodesJSONIntoValues() throws {
        let value = try TemplateValue(json: Data(#"{"s":"x","i":3,"d":1.5,"b":true,"n":null,"a":[1,"2"],"m":{"k":"v"}}"#.utf8))
        let set = try TemplateSet(templates: ["main": "{{s}} {{i}} {{d}} {{b}} [{{n}}] {{#a}}{{.}};{{/a}} {{m.k}}"])
        #expect(try set.renderString("main", value) == "x 3 1.5 true [] 1;2; v")
    }

    @Test func emptyStringAndEmptyListAreFalsey() throws {
        let set = try TemplateSet(templates: ["main": "{{#s}}S{{/s}}{{^s}}no-s{{/s}} {{#l}}L{{/l}}{{^l}}no-l{{/l}}"])
        #expect(try set.renderString("main", ["s": "", "l": []]) == "no-s no-l")
        #expect(try set.renderString("main", ["s": "x", "l": [1]]) == "S L")
    }

    @Test func rendersTheSameFromManyTasksAtOnce() async throws {
        let set = try TemplateSet(templates: [
            "layout": "<h1>{{$title}}{{/title}}</h1>{{#items}}<li>{{>item}}</li>{{/items}}",
            "item": "{{name}}:{{n}}",
            "page": "{{<layout}}{{$title}}{{title}}{{/title}}{{/layout}}",
        ])
        func context(_ i: Int) -> TemplateValue {
            ["title": .string("Page \(i)"), "items": .array((0..<20).map { ["name": .string("h\(i)"), "n": .int($0)] })]
        }
        let expected = try (0..<64).map { try set.render("page", context($0)) }
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for i in 0..<64 { group.addTask { (i, try set.render("page", context(i))) } }
            var out = [[UInt8]](repeating: [], count: 64)
            for try await (i, bytes) in group { out[i] = bytes }
            return out
        }
        #expect(results == expected)
        #expect(String(decoding: results[3], as: UTF8.self).hasPrefix("<h1>Page 3</h1><li>h3:0</li>"))
    }
}
