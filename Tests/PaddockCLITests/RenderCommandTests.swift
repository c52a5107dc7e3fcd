import Foundation
import Testing

@Suite struct RenderCommandTests {
    @Test func rendersByteForByteWithPartialsAndParents() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("partials/layout.mustache", "<title>{{$title}}x{{/title}}</title>{{>partials/footer}}")
        try folder.write("partials/partials/footer.mustache", "<footer>{{stable}}</footer>")
        try folder.write("page.mustache", "{{<layout}}{{$title}}{{name}}{{/title}}{{/layout}}")
        try folder.write("data.json", #"{"name": "Arko <1>", "stable": "De Linde"}"#)
        let result = try PaddockProcess.run(["render", "page.mustache", "--data", "data.json", "--partials", "partials"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "<title>Arko &lt;1&gt;</title><footer>De Linde</footer>")
        #expect(result.stderr.isEmpty)
    }

    @Test func keepsTheTemplatesTrailingBytesExactly() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("t.mustache", "a\r\n{{x}}\n\n")
        try folder.write("d.json", #"{"x": "é"}"#)
        let result = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json"], in: folder.url)
        #expect(result.stdout == Data("a\r\né\n\n".utf8))
    }

    @Test func templateErrorNamesFileLineAndColumnOnOneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("t.mustache", "<ul>\n  {{#horses}}<li>{{name}}</li>\n</ul>")
        try folder.write("d.json", "{}")
        let result = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "paddock: t.mustache:2:3: unclosed section 'horses'\n")
    }

    @Test func errorInAPartialNamesThePartialsFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("t.mustache", "{{>head}}")
        try folder.write("p/head.mustache", "ok\n {{/x}}")
        try folder.write("d.json", "{}")
        let result = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json", "--partials", "p"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderr.hasSuffix("p/head.mustache:2:2: closing tag 'x' without an opening tag\n"))
    }

    @Test func unknownPartialIsAnErrorUnlessLenient() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("t.mustache", "[{{>nowhere}}]")
        try folder.write("d.json", "{}")
        let strict = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json"], in: folder.url)
        #expect(strict.status != 0)
        #expect(strict.stderr == "paddock: t.mustache:1:2: unknown partial 'nowhere'\n")
        let lenient = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json", "--lenient"], in: folder.url)
        #expect(lenient.status == 0)
        #expect(lenient.stdoutText == "[]")
    }

    @Test func invalidJSONNamesTheFileLineAndColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("t.mustache", "{{a}}")
        try folder.write("d.json", "{\"a\": [1,\n  2,, 3]}")
        let result = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("paddock: d.json: invalid JSON: 2:5: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingFilesAreNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanup() }
        try folder.write("d.json", "{}")
        let noTemplate = try PaddockProcess.run(["render", "none.mustache", "--data", "d.json"], in: folder.url)
        #expect(noTemplate.status != 0)
        #expect(noTemplate.stderr == "paddock: none.mustache: cannot read the template\n")
        try folder.write("t.mustache", "x")
        let noData = try PaddockProcess.run(["render", "t.mustache", "--data", "none.json"], in: folder.url)
        #expect(noData.stderr == "paddock: none.json: cannot read the data file\n")
    }
}
