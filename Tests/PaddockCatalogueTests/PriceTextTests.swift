import Foundation
import Testing
@testable import PaddockCatalogue

/// Prices in every form breeders type them: read exactly, or refused, never shown as another number.
@Suite struct PriceTextTests {
    static let amounts: [(String, String)] = [
        ("1250", "1250"), ("1250.00", "1250"), ("1,250.00", "1250"), ("1.250,00", "1250"), ("1 250", "1250"),
        ("€1,250", "1250"), ("€ 1.250,50", "1250.5"), ("1250 EUR", "1250"), ("USD 1,250.99", "1250.99"),
        ("1'250", "1250"), ("1\u{00A0}250,00", "1250"), ("2,20", "2.2"), ("2.20", "2.2"), ("350.00", "350"),
        ("1,250", "1250"), ("1.250", "1250"), ("1,234,567.89", "1234567.89"), ("1.234.567", "1234567"),
        ("0.50", "0.5"), ("  99  ", "99"),
    ]

    @Test(arguments: amounts)
    func readsTheAmountOfEveryUsualForm(text: String, expected: String) {
        #expect(PriceText.read(text) == .amount(Decimal(string: expected)!))
    }

    @Test(arguments: ["", "   ", "0", "0.00", "0,00", "€0"])
    func readsEmptyAndZeroAsPriceOnRequest(text: String) {
        #expect(PriceText.read(text) == .onRequest)
    }

    @Test(arguments: ["NaN", "-1", "-1,250.00", "1e309", "1E3", "inf", "INF", "12abc", "1,25,0", "1.2.3", "1,250.000",
                      "0.125", "1,2.50.0", "1..5", "1250.", ",5", "1 ,250", "€", "1.000.000.000", "one thousand"])
    func refusesWhatIsNotAPrice(text: String) {
        guard case .refused = PriceText.read(text) else {
            Issue.record("\(text) read as \(PriceText.read(text))")
            return
        }
    }

    @Test func readsJSONNumbersExactlyAndRefusesNegativeOnes() throws {
        func price(_ json: String) throws -> SaleAnimal? {
            // Spliced as text: JSONSerialization cannot hold 1e309.
            let record = HusbandryDecodingTests.record(id: "p")
            let body = "[" + record.dropLast() + ", \"sale_info\": {\"sale_price\": \(json)}}]"
            return try SaleAnimalPage(husbandryJSON: Data(body.utf8)).animals.first
        }
        #expect(try price("1250")?.price == Decimal(1250))
        #expect(try price("1250.5")?.price == Decimal(string: "1250.5"))
        #expect(try price("-1")?.price == nil)
        #expect(try price("1e309")?.price == nil)
        #expect(try price("null")?.price == nil)
    }

    @Test func aRefusedPriceWarnsNamingTheAnimalAndShowsNoNumber() throws {
        let body = "[\(HusbandryDecodingTests.record(id: "uuid-7", extra: ", \"sale_info\": {\"sale_price\": \"1.2.3\"}"))]"
        let page = try SaleAnimalPage(husbandryJSON: Data(body.utf8))
        #expect(page.animals.first?.price == nil)
        #expect(page.warnings.count == 1)
        let warning = try #require(page.warnings.first)
        #expect(warning.contains("BP-0018"))
        #expect(warning.contains("uuid-7"))
        #expect(warning.contains("price on request"))
    }
}
