import Foundation
import Testing
@testable import PaddockCatalogue

@Suite struct HerdDecodingTests {
    static func animals(_ json: String, organisation: String = "org1") throws -> [HerdAnimal] {
        try SmaxtecBody.animals(Data(json.utf8), organisation: organisation).animals
    }

    @Test func readsTheDocumentedAnimalAndDropsItsInternals() throws {
        let json = """
        [{"_id": "5c480ab3314724e123456789", "archived": false, "birthday": "2019-01-10T13:04:52+00:00",
          "created_at": "2019-01-23T06:33:24+00:00", "current_device_id": "0700000001",
          "display_name": "AT111111112 - susi", "group_id": "57920fca506d993asdfghjkl", "lactation_status": "Young_Cow",
          "location": "stall", "mark": "AT111111112",
          "mixed_race": [{"race": "ANGLER", "percent": 22}, {"race": "FLECKVIEW", "percent": 78}],
          "name": "susi", "official_id": "AT111111112", "official_id_rule": "AT", "organisation_id": "org1",
          "race": "mixed", "sensor": "0700000001", "tags": ["sold"]}]
        """
        let animal = try #require(try Self.animals(json).first)
        #expect(animal.id == "org1/AT111111112")
        #expect(animal.name == "susi")
        #expect(animal.birthday == CalendarDate(year: 2019, month: 1, day: 10))
        #expect(animal.breeds == [BreedShare(breed: "Angler", percent: 22), BreedShare(breed: "Fleckvieh", percent: 78)])
        #expect(animal.lactationStatus == .youngCow)
        #expect(animal.tags == ["sold"])
        #expect(!animal.isListed)
        // Nothing of the sensor, device, group or location is kept anywhere in the model.
        let encoded = String(decoding: try JSONEncoder().encode(animal), as: UTF8.self)
        for secret in ["0700000001", "57920fca506d993asdfghjkl", "stall", "5c480ab3314724e123456789"] {
            #expect(!encoded.contains(secret), "\(secret) reached the model")
        }
    }

    @Test(arguments: [
        ("2019-01-10T13:04:52+00:00", 2019, 1, 10, 1_547_125_492.0),
        ("2019-01-10T13:04:52Z", 2019, 1, 10, 1_547_125_492.0),
        ("2019-01-10T13:04:52", 2019, 1, 10, 1_547_125_492.0),
        ("2019-01-10T13:04:52.250+00:00", 2019, 1, 10, 1_547_125_492.25),
        ("2019-01-10T15:04:52+02:00", 2019, 1, 10, 1_547_125_492.0),
        ("2019-01-10T08:04:52-0500", 2019, 1, 10, 1_547_125_492.0),
        ("2018-04-29 21:00:00", 2018, 4, 29, 1_525_035_600.0),
        ("2018-04-29", 2018, 4, 29, 1_524_960_000.0),
    ])
    func readsEveryTimeForm(text: String, year: Int, month: Int, day: Int, instant: Double) throws {
        let time = try #require(SmaxtecTime(text))
        #expect(time.date == CalendarDate(year: year, month: month, day: day))
        #expect(time.instant.timeIntervalSince1970 == instant)
    }

    @Test(arguments: ["", "yesterday", "29-04-2018 21:00", "2018-02-30T00:00:00", "2018-04-29T25:00:00", "2018-04-29T10:00:00+5"])
    func refusesWhatIsNoTime(text: String) {
        #expect(SmaxtecTime(text) == nil)
    }

    @Test func readsMissingFieldsAndOddShapes() throws {
        let json = """
        {"data": [
          {"official_id": "DE 01 234"},
          {"official_id": 276000312345678, "archived": "1", "race": "FLECKVIEH", "tags": "for-sale, show",
           "birthday": "2018-04-29 21:00:00", "lactation_status": "LACTATING COW"},
          {"official_id": "AT3", "race": "mixed", "mixed_race": [{"race": "HOLSTEIN", "percent": "60"},
           {"race": "JERSEY", "percent": 30}, {"race": "NEW_BREED"}, {"percent": 5}, {"race": "HOLSTEIN", "percent": 5}],
           "lactation_status": null, "birthday": ""},
          {"name": "no ear tag"}
        ]}
        """
        let (animals, skipped) = try SmaxtecBody.animals(Data(json.utf8), organisation: "o")
        #expect(animals.count == 3)
        #expect(skipped.count == 1)
        #expect(animals[0].name == nil && animals[0].birthday == nil && animals[0].breeds.isEmpty)
        #expect(animals[0].lactationStatus == .unknown && animals[0].isListed)
        #expect(animals[1].officialID == "276000312345678")
        #expect(animals[1].archived && !animals[1].isListed)
        #expect(animals[1].breeds == [BreedShare(breed: "Fleckvieh", percent: 100)])
        #expect(animals[1].tags == ["for-sale", "show"])
        #expect(animals[1].birthday == CalendarDate(year: 2018, month: 4, day: 29))
        #expect(animals[1].lactationStatus == .lactating)
        // 65 + 30 with a share of unknown size: kept as sent, not made to add up to 100.
        #expect(animals[2].breeds == [BreedShare(breed: "Holstein", percent: 65), BreedShare(breed: "Jersey", percent: 30),
                                      BreedShare(breed: "New Breed", percent: nil)])
        #expect(animals[2].birthday == nil)
    }

    @Test(arguments: [("FLECKVIEW", "Fleckvieh"), ("fleckvieh", "Fleckvieh"), ("ANGLER", "Angler"),
                      ("BROWN SWISS", "Brown Swiss"), ("Blonde d'Aquitaine", "Blonde d'Aquitaine"),
                      ("MONTBELIARDE", "Montbéliarde"), ("SOME_RARE_BREED", "Some Rare Breed"), ("Rätisches Grauvieh", "Rätisches Grauvieh")])
    func namesBreedsProperly(code: String, name: String) {
        #expect(BreedNames.properName(code) == name)
    }

    @Test func mixedAndEmptyAreNoBreeds() {
        #expect(BreedNames.properName("mixed") == nil)
        #expect(BreedNames.properName("  ") == nil)
    }

    @Test func keepsOnlyReproductionEventsInOrder() throws {
        let json = """
        [
          {"_id": "e1", "event_ts": "2015-03-23T00:00:00+00:00", "event_type": "calving_confirmation", "information": {"legacy_lactation_info": true}},
          {"_id": "e2", "event_ts": "2015-03-23T01:00:00+00:00", "event_type": "information_update",
           "information": {"milk_yield": 11000, "dry_off_date": null, "calving_number": 1}},
          {"_id": "e3", "event_ts": "2017-05-15T00:00:00+00:00", "event_type": "heat", "information": {"legacy_heat": true}},
          {"_id": "e5", "event_ts": "2017-07-22T23:13:00+00:00", "event_type": "pregnancy_result", "information": {"pregnant": true}},
          {"_id": "e4", "event_ts": "2017-07-22T20:13:00+00:00", "event_type": "insemination", "information": {"days_to_calving": -1}},
          {"_id": "e6", "create_ts": "2018-04-29 21:00:00", "event_ts": "2018-04-29 21:00:00", "event_type": "health_106",
           "information": {"threshold": 0.75, "sensor_id": "0700006489"}},
          {"event_ts": "2018-05-02 10:00:00", "event_type": "calving_confirmation", "information": {"calving_number": "2"}},
          {"event_ts": "2019-01-18T12:00:00+00:00", "event_type": "insemination", "information": {"days_to_calving": 275}},
          {"event_ts": "2019-03-01", "event_type": "pregnancy_result", "information": {"pregnant": "false"}},
          {"event_ts": "2019-06-01T00:00:00", "event_type": "abort", "information": {"late_abort": 1}},
          {"event_type": "insemination"},
          "not an event"
        ]
        """
        let events = try HerdEvents(smaxtecJSON: Data(json.utf8))
        #expect(events.reproduction.map(\.kind) == [.calving, .insemination, .pregnancyResult, .calving, .insemination,
                                                    .pregnancyResult, .abort])
        #expect(events.reproduction[1].expectedCalving == nil)   // -1 is no forecast
        #expect(events.reproduction[2].pregnant == true)
        #expect(events.reproduction[3].calvingNumber == 2)
        #expect(events.reproduction[4].expectedCalving == CalendarDate(year: 2019, month: 10, day: 20))
        #expect(events.reproduction[5].pregnant == false)
        #expect(events.reproduction[6].lateAbort == true)
        #expect(events.calvingNumber == 2)
        #expect(events.lastCalving == CalendarDate(year: 2018, month: 5, day: 2))
        #expect(events.skipped.count == 1)
    }

    @Test func countsCalvingsWhenNoNumberIsStated() throws {
        let json = """
        [{"event_ts": "2020-01-01", "event_type": "calving_confirmation"}, {"event_ts": "2021-02-01", "event_type": "calving_confirmation"}]
        """
        let events = try HerdEvents(smaxtecJSON: Data(json.utf8))
        #expect(events.calvingNumber == 2)
        #expect(try HerdEvents(smaxtecJSON: Data("[]".utf8)).calvingNumber == nil)
    }

    @Test func readsTokensAndOrganisations() throws {
        #expect(try SmaxtecBody.token(Data(#"{"token": "abc"}"#.utf8)) == "abc")
        #expect(throws: CatalogueDecodingError.self) { try SmaxtecBody.token(Data(#"{"tokn": "abc"}"#.utf8)) }
        let orgs = try SmaxtecBody.organisations(Data("""
        [{"name": "Hof Berger", "organisation_id": "123456qwertz", "permissions": ["read"], "role": "admin", "timezone": "Europe/Vienna"},
         {"name": "no id"}]
        """.utf8))
        #expect(orgs == [HerdOrganisation(id: "123456qwertz", name: "Hof Berger", timezone: "Europe/Vienna")])
        #expect(throws: CatalogueDecodingError.self) { try SmaxtecBody.organisations(Data(#"{"message": "Not authenticated"}"#.utf8)) }
    }

    @Test func ageCountsWholeYears() {
        let cow = HerdAnimal(organisationID: "o", officialID: "x", birthday: CalendarDate(year: 2020, month: 6, day: 15))
        #expect(cow.age(on: CalendarDate(year: 2026, month: 6, day: 14)) == 5)
        #expect(cow.age(on: CalendarDate(year: 2026, month: 6, day: 15)) == 6)
        #expect(cow.age(on: CalendarDate(year: 2019, month: 1, day: 1)) == nil)
    }

    @Test func oldSnapshotsWithoutAHerdStillDecode() throws {
        let catalogue = try JSONDecoder().decode(Catalogue.self, from: Data(#"{"language": "en", "horses": [], "animals": []}"#.utf8))
        #expect(catalogue.herd.isEmpty)
    }
}
