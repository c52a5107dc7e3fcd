import Foundation
import Testing
@testable import PaddockCatalogue

/// `is_for_sale` and `status` never agree by contract: an animal is for sale only when flagged and
/// neither sold, archived nor inactive, in both API versions' shapes.
@Suite struct SaleStatusTests {
    static let flags: [(wire: String, flagged: Bool?)] = [
        ("\"1\"", true), ("1", true), ("true", true), ("\"0\"", false), ("0", false), ("false", false), ("null", nil),
    ]
    static let statuses: [(wire: String, open: Bool, reserved: Bool)] = [
        ("active", true, false), ("hold", true, true), ("On Loan", true, false), ("sold", false, false),
        ("SOLD", false, false), ("archived", false, false), ("sold-archived", false, false),
        ("inactive", false, false), ("Inactive", false, false), ("sold_archived", false, false),
    ]

    /// v2 sends `sale_info`; v1 sends the sale fields at the top level.
    static func body(version: Int, flag: String, status: String) -> String {
        let sale = version == 2 ? "\"sale_info\": {\"sale_price\": \"350.00\"}" : "\"sale_price\": \"350.00\""
        let record = HusbandryDecodingTests.merged(HusbandryDecodingTests.record(id: "x"),
                                                   "{\"is_for_sale\": \(flag), \"status\": \"\(status)\", \(sale)}")
        return version == 2 ? "{\"data\": [\(record)], \"total\": 1}" : "[\(record)]"
    }

    @Test(arguments: [1, 2])
    func everyCombinationOfFlagAndStatus(version: Int) throws {
        for flag in Self.flags {
            for status in Self.statuses {
                let page = try SaleAnimalPage(husbandryJSON: Data(Self.body(version: version, flag: flag.wire, status: status.wire).utf8))
                let offered = flag.flagged != false && status.open
                #expect(page.animals.count == (offered ? 1 : 0), "v\(version) is_for_sale \(flag.wire) status \(status.wire)")
                #expect(page.notForSale == (offered ? 0 : 1))
                if offered {
                    #expect(page.animals[0].isReserved == status.reserved, "status \(status.wire)")
                    #expect(page.animals[0].price == Decimal(350))
                }
            }
        }
    }
}
