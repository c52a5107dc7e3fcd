import Testing
@testable import PaddockSandbox

@Test func sandboxModuleLoads() { #expect(Bool(true)) }
