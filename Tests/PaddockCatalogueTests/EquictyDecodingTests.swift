import Foundation
import Testing
@testable import PaddockCatalogue

/// Equicty bodies taken from `equicty-website-api.txt`, with the variants the document and real servers show.
@Suite struct EquictyDecodingTests {
    static let documentedListEntry = """
    {"id": 1, "name": "horse name example", "age": 5, "birthday": "07-03-2012", "sex": "Gelding",
     "studbook": "BWP", "color": "Paint", "height": 172, "heightunit": "cm", "horsetelex": false,
     "pedigree": {"v": "father", "vv": "", "vvv": "", "vvm": "", "vm": "", "vmv": "", "vmm": "",
                  "m": "Mother", "mv": "", "mvv": "", "mvm": "", "mm": "", "mmv": "", "mmm": ""},
     "profile": "https://x.example/p.jpg", "miniature": "https://x.example/m.jpg"}
    """

    @Test func decodesTheDocumentedBareList() throws {
        let list = try Horse.equictyList(from: Data("[\(Self.documentedListEntry)]".utf8))
        #expect(list.skipped.isEmpty)
        let horse = try #require(list.items.first)
        #expect(horse.id == "1")
        #expect(horse.name == "horse name example")
        #expect(horse.age == 5)
        #expect(horse.birthDate == CalendarDate(year: 2012, month: 3, day: 7))
        #expect(horse.gender == .gelding)
        #expect(horse.height == 172)
        #expect(horse.heightUnit == "cm")
        #expect(horse.horsetelex == false)
        #expect(horse.pedigree?.sire == "father")
        #expect(horse.pedigree?.dam == "Mother")
        #expect(horse.pedigree?.names.count == 2)
        #expect(horse.profileURL == "https://x.example/p.jpg")
        #expect(horse.miniatureURL == "https://x.example/m.jpg")
    }

    @Test func decodesAListInTheDataEnvelope() throws {
        let list = try Horse.equictyList(from: Data("{\"data\": [\(Self.documentedListEntry)]}".utf8))
        #expect(list.items.map(\.id) == ["1"])
    }

    @Test func readsNumbersSentAsStringsAndBirthDateAndUnknownFields() throws {
        let body = """
        {"data": {"id": "42", "name": "Quidam", "age": "7", "birth_date": "20-03-2017", "height": "168.5",
         "horsetelex": "1", "pedigree": null, "favourite_snack": {"kind": "apple"}, "sex": "Hengst"}}
        """
        let horse = try Horse(equictyDetails: Data(body.utf8))
        #expect(horse.id == "42")
        #expect(horse.age == 7)
        #expect(horse.birthDate == CalendarDate(year: 2017, month: 3, day: 20))
        #expect(horse.height == 168.5)
        #expect(horse.horsetelex)
        #expect(horse.pedigree == nil)
        #expect(horse.gender == .stallion)
    }

    @Test(arguments: [
        ("\"\"", nil as String?),
        ("\"Cornet Obolensky\"", nil),
        ("\"{\\\"v\\\": \\\"Cornet\\\", \\\"m\\\": \\\"\\\"}\"", "Cornet"),
        ("null", nil),
        ("{\"v\": \"\", \"m\": \"\"}", nil),
    ])
    func acceptsThePedigreeAsStringNullOrEmpty(pedigree: String, sire: String?) throws {
        let horse = try Horse(equictyDetails: Data("{\"id\": 3, \"name\": \"A\", \"pedigree\": \(pedigree)}".utf8))
        #expect(horse.pedigree?.sire == sire)
    }

    @Test func decodesDetailsWithMediaAndAdditionalInfo() throws {
        let body = """
        {"id": 1, "name": "horse name example", "horsetelex": false,
         "videos": [{"name": "", "module": "", "mediaurl": "https://www.youtube.com/watch?v=b8-KqYAWJ4M",
                     "miniatureurl": "https://i.ytimg.com/vi/b8-KqYAWJ4M/hqdefault.jpg"}],
         "pictures": [{"name": "", "module": "", "mediaurl": "https://x.example/4.png", "miniatureurl": "https://x.example/4m.png"},
                      {"name": "no url"}],
         "level": "1m40", "info": "Lovely", "sku": "SKU-1", "breeding_associations": ["BWP", "KWPN"],
         "semen_availability": ["fresh", "frozen"], "wffs_test_result": "negative", "semen_price": 750,
         "sales_content": "For sale to a good home"}
        """
        let horse = try Horse(equictyDetails: Data(body.utf8))
        #expect(horse.videos.map(\.url) == ["https://www.youtube.com/watch?v=b8-KqYAWJ4M"])
        #expect(horse.pictures.count == 1)
        #expect(horse.pictures.first?.miniatureURL == "https://x.example/4m.png")
        #expect(horse.level == "1m40")
        #expect(horse.additional?.sku == "SKU-1")
        #expect(horse.additional?.breedingAssociations == ["BWP", "KWPN"])
        #expect(horse.additional?.semenAvailability == ["fresh", "frozen"])
        #expect(horse.additional?.wffsTestResult == "negative")
        #expect(horse.additional?.semenPrice == "750")
        #expect(horse.additional?.salesContent == "For sale to a good home")
    }

    @Test func turnsTheErrorFrameIntoAnErrorQuotingMsg() {
        let body = Data("{\"status\": false, \"msg\": \"Invalid stable\"}".utf8)
        #expect(throws: CatalogueDecodingError.serviceError(message: "Invalid stable")) {
            try Horse.equictyList(from: body)
        }
        #expect(APIErrorFrame.message(in: body) == "Invalid stable")
        #expect(String(describing: CatalogueDecodingError.serviceError(message: "Invalid stable")).contains("\"Invalid stable\""))
    }

    @Test(arguments: ["[{\"id\": 1, \"name\": \"trunc", "<html>502</html>", "{\"data\": 5}", ""])
    func rejectsTruncatedOrOtherBodiesAsMalformed(body: String) {
        #expect {
            try Horse.equictyList(from: Data(body.utf8))
        } throws: { error in
            guard case .malformed = error as? CatalogueDecodingError else { return false }
            return true
        }
    }

    @Test func skipsAnEntryWithoutIdAndNamesIt() throws {
        let list = try Horse.equictyList(from: Data("[{\"name\": \"ghost\"}, {\"id\": 2, \"name\": \"B\"}]".utf8))
        #expect(list.items.map(\.id) == ["2"])
        #expect(list.skipped.count == 1)
        #expect(list.skipped.first?.hasPrefix("entry 0") == true)
    }

    @Test(arguments: [
        ("07-03-2012", CalendarDate(year: 2012, month: 3, day: 7)),
        ("2012-03-07", CalendarDate(year: 2012, month: 3, day: 7)),
        ("29-02-2021", nil), ("", nil), ("0000-00-00", nil), ("31/12/1999", CalendarDate(year: 1999, month: 12, day: 31)),
    ])
    func parsesTheDocumentedDateForms(text: String, expected: CalendarDate?) {
        #expect(CalendarDate(apiText: text) == expected)
    }

    @Test func mergingKeepsListValuesTheDetailsLeftOut() throws {
        let listed = Horse(id: "1", name: "A", studbook: "BWP", horsetelex: true, pedigree: Pedigree(names: ["v": "S"]))
        let details = Horse(id: "1", name: "A", pictures: [Media(url: "https://x.example/1.jpg")])
        let merged = listed.merging(details: details)
        #expect(merged.studbook == "BWP")
        #expect(merged.horsetelex)
        #expect(merged.pedigree?.sire == "S")
        #expect(merged.pictures.count == 1)
    }
}
