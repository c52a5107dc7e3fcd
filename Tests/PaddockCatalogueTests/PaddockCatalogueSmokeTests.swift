import Testing
@testable import PaddockCatalogue

@Test func PaddockCatalogueModuleLoads() { #expect(Bool(true)) }
