import Foundation
import Testing
@testable import PaddockTemplate

/// One case of the official Mustache spec, read from the JSON files as they are.
struct SpecCase: CustomTestStringConvertible, Sendable {
    let file: String
    let name: String
    let template: String
    let data: TemplateValue
    let partials: [String: String]
    let expected: String
    var testDescription: String { "\(file): \(name)" }

    static let mainName = "(spec template)"

    static func load(_ file: String) -> [SpecCase] {
        guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Spec"),
              let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let tests = root["tests"] as? [[String: Any]] else { return [] }
        return tests.map { test in
            let dataJSON = try! JSONSerialization.data(withJSONObject: test["data"] ?? [:], options: [.fragmentsAllowed])
            return SpecCase(file: file, name: test["name"] as! String, template: test["template"] as! String,
                            data: try! TemplateValue(json: dataJSON), partials: test["partials"] as? [String: String] ?? [:],
                            expected: test["expected"] as! String)
        }
    }

    static let all: [SpecCase] = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections",
                                  "~inheritance", "~dynamic-names"].flatMap(load)
}

@Suite struct SpecTests {
    @Test func specFilesAreAllRead() {
        // 8 files without the lambdas (ported in LambdaSpecTests): 186 cases in spec 1.4.
        #expect(SpecCase.all.count > 180)
        #expect(Set(SpecCase.all.map(\.file)).count == 8)
    }

    @Test(arguments: SpecCase.all)
    func rendersAsTheSpecRequires(_ spec: SpecCase) throws {
        var templates = spec.partials
        templates[SpecCase.mainName] = spec.template
        let set = try TemplateSet(templates: templates, strict: false)
        let output = try set.renderString(SpecCase.mainName, spec.data)
        #expect(output == spec.expected, "template: \(spec.template.debugDescription)")
    }
}
