import ArgumentParser

struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render one Mustache template with JSON data.")
    func run() async throws { throw ValidationError("render is being built (issue 2)") }
}
