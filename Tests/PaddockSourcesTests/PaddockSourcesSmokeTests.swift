import Testing
@testable import PaddockSources

@Test func PaddockSourcesModuleLoads() { #expect(Bool(true)) }
