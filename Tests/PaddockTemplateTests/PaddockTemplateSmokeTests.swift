import Testing
@testable import PaddockTemplate

@Test func PaddockTemplateModuleLoads() { #expect(Bool(true)) }
