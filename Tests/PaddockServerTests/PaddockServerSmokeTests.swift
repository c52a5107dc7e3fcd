import Testing
@testable import PaddockServer

@Test func PaddockServerModuleLoads() { #expect(Bool(true)) }
