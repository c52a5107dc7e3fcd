import Foundation
import PaddockTestSupport
import Testing

@Suite struct RenderCommandTests {
    @Test func rendersByteForByteWithPartialsAndParents() throws {
        let folder = try TemporaryFolder("paddock-cli")
        defer { folder.remove() }
        try folder.write("<title>{{$title}}x{{/title}}</title>{{>partials/footer}}", to: "partials/layout.mustache")
        try folder.write("<footer>{{stable}}</footer>", to: "partials/partials/footer.mustache")
        try folder.write("{{<layout}}{{$title}}{{name}}{{/title}}{{/layout}}", to: "page.mustache")
        try folder.write(#"{"name": "Arko <1>", "stable": "De Linde"}"#, to: "data.json")
        let result = try PaddockProcess.run(["render", "page.mustache", "--data", "data.json", "--partials", "partials"], in: folder.url)
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText == "<title>Arko &lt;1&gt;</title><footer>De Linde</footer>")
        #expect(result.stderrText.isEmpty)
    }

    @Test func keepsTheTemplatesTrailingBytesExactly() throws {
        let folder = try TemporaryFolder("paddock-cli")
        defer { folder.remove() }
        try folder.write("a\r\n{{x}}\n\n", to: "t.mustache")
        try folder.write(#"{"x": "é"}"#, to: "d.json")
        let result = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json"], in: folder.url)
        #expect(result.stdout == Data("a\r\né\n\n".utf8))
    }

    @Test func templateErrorNamesFileLineAndColumnOnOneLine() throws {
        let folder = try TemporaryFolder("paddock-cli")
        defer { folder.remove() }
        try folder.write("<ul>\n  {{#horses}}<li>{{name}}</li>\n</ul>", to: "t.mustache")
        try folder.write("{}", to: "d.json")
        let result = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrText == "paddock: t.mustache:2:3: unclosed section 'horses'\n")
    }

    @Test func errorInAPartialNamesThePartialsFile() throws {
        let folder = try TemporaryFolder("paddock-cli")
        defer { folder.remove() }
        try folder.write("{{>head}}", to: "t.mustache")
        try folder.write("ok\n {{/x}}", to: "p/head.mustache")
        try folder.write("{}", to: "d.json")
        let result = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json", "--partials", "p"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderrText.hasSuffix("p/head.mustache:2:2: closing tag 'x' without an opening tag\n"))
    }

    @Test func unknownPartialIsAnErrorUnlessLenient() throws {
        let folder = try TemporaryFolder("paddock-cli")
        defer { folder.remove() }
        try folder.write("[{{>nowhere}}]", to: "t.mustache")
        try folder.write("{}", to: "d.json")
        let strict = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json"], in: folder.url)
        #expect(strict.status != 0)
        #expect(strict.stderrText == "paddock: t.mustache:1:2: unknown partial 'nowhere'\n")
        let lenient = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json", "--lenient"], in: folder.url)
        #expect(lenient.status == 0)
        #expect(lenient.stdoutText == "[]")
    }

    @Test func invalidJSONNamesTheFileLineAndColumn() throws {
        let folder = try TemporaryFolder("paddock-cli")
        defer { folder.remove() }
        try folder.write("{{a}}", to: "t.mustache")
        try folder.write("{\"a\": [1,\n  2,, 3]}", to: "d.json")
        let result = try PaddockProcess.run(["render", "t.mustache", "--data", "d.json"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderrText.hasPrefix("paddock: d.json: invalid JSON: 2:5: "))
        #expect(result.stderrText.split(separator: "\n").count == 1)
    }

    @Test func missingFilesAreNamed() throws {
        let folder = try TemporaryFolder("paddock-cli")
        defer { folder.remove() }
        try folder.write("{}", to: "d.json")
        let noTemplate = try PaddockProcess.run(["render", "none.mustache", "--data", "d.json"], in: folder.url)
        #expect(noTemplate.status != 0)
        #expect(noTemplate.stderrText == "paddock: none.mustache: cannot read the template\n")
        try folder.write("x", to: "t.mustache")
        let noData = try PaddockProcess.run(["render", "t.mustache", "--data", "none.json"], in: folder.url)
        #expect(noData.stderrText == "paddock: none.json: cannot read the data file\n")
    }
}

/// `paddock render` from another folder: every path is relative to the current folder.
@Suite struct RenderFromAnotherFolderTests {
    @Test func readsTheTemplateDataAndPartialsRelativeToTheCurrentFolder() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.folder.write("{{>head}}{{name}}", to: "theme/page.mustache")
        try workspace.folder.write("<h1>{{stable}}</h1>", to: "theme/partials/head.mustache")
        try workspace.folder.write(#"{"name": "Arko", "stable": "De Linde"}"#, to: "data/horse.json")
        let rendered = try await workspace.run(["render", "theme/page.mustache", "--data", "data/horse.json", "--partials", "theme/partials"])
        #expect(rendered.succeeded, "\(rendered.stderrText)")
        #expect(rendered.stdoutText == "<h1>De Linde</h1>Arko")
        #expect(workspace.entries == ["theme", "data"])
    }
}
