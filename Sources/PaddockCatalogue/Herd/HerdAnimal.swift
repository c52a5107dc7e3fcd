import Foundation

/// One animal of a smaXtec herd, reduced to what a farm publishes: its name, ear tag, birthday,
/// breed composition, lactation status, tags, calving number, last calving and reproduction history.
///
/// The smaXtec record also carries the sensor, the device, the group, the location, health events
/// (`health_*`), heats and feeding data; none of it is decoded, so none of it can reach a page.
package struct HerdAnimal: Sendable, Hashable, Codable, Identifiable {
    /// `<organisation_id>/<official_id>`: the ear tag is unique within its organisation only.
    package var id: String
    package var organisationID: String
    /// The organisation's name, when the organisation listing gave one.
    package var organisationName: String?
    /// `official_id`: the ear tag (``officialID`` may be hidden on the site by a setting).
    package var officialID: String
    package var name: String?
    package var birthday: CalendarDate?
    /// `mixed_race` or `race`, proper breed names, in the order sent.
    package var breeds: [BreedShare]
    package var lactationStatus: LactationStatus
    /// `tags` as sent (`sold`, `for-sale`, …), trimmed.
    package var tags: [String]
    package var archived: Bool
    /// The highest calving number the events state, else the number of calvings.
    package var calvingNumber: Int?
    /// The date of the newest `calving_confirmation`.
    package var lastCalving: CalendarDate?
    /// Inseminations, pregnancy results, calvings and aborts, oldest first.
    package var reproduction: [ReproductionEvent]

    package init(
        organisationID: String, officialID: String, organisationName: String? = nil, name: String? = nil,
        birthday: CalendarDate? = nil, breeds: [BreedShare] = [], lactationStatus: LactationStatus = .unknown,
        tags: [String] = [], archived: Bool = false, calvingNumber: Int? = nil, lastCalving: CalendarDate? = nil,
        reproduction: [ReproductionEvent] = []
    ) {
        self.id = HerdAnimal.id(organisation: organisationID, officialID: officialID)
        self.organisationID = organisationID; self.organisationName = organisationName; self.officialID = officialID
        self.name = name; self.birthday = birthday; self.breeds = breeds; self.lactationStatus = lactationStatus
        self.tags = tags; self.archived = archived; self.calvingNumber = calvingNumber; self.lastCalving = lastCalving
        self.reproduction = reproduction
    }

    package static func id(organisation: String, officialID: String) -> String { "\(organisation)/\(officialID)" }

    /// Whether the animal still belongs on the site: not archived and not tagged `sold`.
    package var isListed: Bool { !archived && !isTaggedSold }

    /// Whether the farm tagged the animal `sold`: the only sign that it was sold (an archived
    /// animal, or one gone from the API, may have been culled or died).
    package var isTaggedSold: Bool { tags.contains { $0.lowercased() == "sold" } }

    /// Whether one of `saleTags` (compared without case) is among the animal's tags.
    package func isTagged(_ saleTags: [String]) -> Bool {
        let wanted = Set(saleTags.map { $0.lowercased() })
        return tags.contains { wanted.contains($0.lowercased()) }
    }

    /// Whole years from the birthday to `day`; `nil` without a birthday or for a birthday after `day`.
    package func age(on day: CalendarDate) -> Int? {
        guard let birthday, birthday <= day else { return nil }
        var years = day.year - birthday.year
        if (day.month, day.day) < (birthday.month, birthday.day) { years -= 1 }
        return years
    }
}

/// One breed of an animal's composition.
package struct BreedShare: Sendable, Hashable, Codable {
    /// The proper name ("Fleckvieh" for the document's `FLECKVIEW`).
    package var breed: String
    /// The percentage as sent; `nil` when none was. The shares need not add up to 100.
    package var percent: Double?

    package init(breed: String, percent: Double? = nil) { self.breed = breed; self.percent = percent }
}

/// `lactation_status`: `Young_Cow`, `Lactating_Cow`, `Dry_Cow`.
package enum LactationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// `Young_Cow`: a heifer that has not calved yet.
    case youngCow = "young-cow"
    case lactating
    case dry
    case unknown
}

/// One reproduction event: the only events a farm publishes.
package struct ReproductionEvent: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case insemination
        case pregnancyResult = "pregnancy-result"
        case calving
        case abort
    }

    package var kind: Kind
    /// The day of `event_ts`, as written (in the time zone it was written in).
    package var date: CalendarDate
    /// `pregnancy_result`: `pregnant`.
    package var pregnant: Bool?
    /// `pregnancy_result`: `expected_calving_date`; `insemination`: the day plus `days_to_calving`.
    package var expectedCalving: CalendarDate?
    /// `calving_confirmation`: `calving_number`.
    package var calvingNumber: Int?
    /// `abort`: `late_abort`.
    package var lateAbort: Bool?

    package init(kind: Kind, date: CalendarDate, pregnant: Bool? = nil, expectedCalving: CalendarDate? = nil,
                 calvingNumber: Int? = nil, lateAbort: Bool? = nil) {
        self.kind = kind; self.date = date; self.pregnant = pregnant; self.expectedCalving = expectedCalving
        self.calvingNumber = calvingNumber; self.lateAbort = lateAbort
    }
}

/// One organisation the smaXtec user belongs to (`GET /v1/organisation`).
package struct HerdOrganisation: Sendable, Hashable, Codable {
    package var id: String
    package var name: String?
    package var timezone: String?

    package init(id: String, name: String? = nil, timezone: String? = nil) {
        self.id = id; self.name = name; self.timezone = timezone
    }
}
