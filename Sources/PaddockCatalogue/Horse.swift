/// A public horse of an Equicty stable, normalised from any documented variant of the API.
package struct Horse: Sendable, Hashable, Codable, Identifiable {
    /// Equicty's id, as a string (the API sends it as a number or a string).
    package var id: String
    package var name: String
    package var officialName: String?
    package var nickName: String?
    package var age: Int?
    /// `birthday` or `birth_date` (dd-MM-yyyy).
    package var birthDate: CalendarDate?
    /// The sex as the API words it, in the fetch's language ("Gelding", "Hengst").
    package var sex: String?
    /// The sex normalised for filters.
    package var gender: HorseGender
    package var studbook: String?
    package var color: String?
    package var height: Double?
    package var heightUnit: String?
    package var breeder: String?
    /// Synced with HorseTelex: a HorseTelex pedigree HTML can be fetched.
    package var horsetelex: Bool
    package var pedigree: Pedigree?
    package var profileURL: String?
    package var miniatureURL: String?
    package var pictures: [Media]
    package var videos: [Media]
    package var level: String?
    package var info: String?
    package var additional: AdditionalInfo?
    /// The HorseTelex pedigree HTML as Equicty sent it (unsanitised), for `horsetelex` horses.
    package var horsetelexHTML: String?

    package init(
        id: String, name: String, officialName: String? = nil, nickName: String? = nil, age: Int? = nil,
        birthDate: CalendarDate? = nil, sex: String? = nil, gender: HorseGender = .unknown,
        studbook: String? = nil, color: String? = nil, height: Double? = nil, heightUnit: String? = nil,
        breeder: String? = nil, horsetelex: Bool = false, pedigree: Pedigree? = nil,
        profileURL: String? = nil, miniatureURL: String? = nil, pictures: [Media] = [], videos: [Media] = [],
        level: String? = nil, info: String? = nil, additional: AdditionalInfo? = nil,
        horsetelexHTML: String? = nil
    ) {
        self.id = id; self.name = name; self.officialName = officialName; self.nickName = nickName
        self.age = age; self.birthDate = birthDate; self.sex = sex; self.gender = gender
        self.studbook = studbook; self.color = color; self.height = height; self.heightUnit = heightUnit
        self.breeder = breeder; self.horsetelex = horsetelex; self.pedigree = pedigree
        self.profileURL = profileURL; self.miniatureURL = miniatureURL; self.pictures = pictures
        self.videos = videos; self.level = level; self.info = info; self.additional = additional
        self.horsetelexHTML = horsetelexHTML
    }
}

/// The sex of a horse, normalised (the API filter uses the upper-case raw values).
package enum HorseGender: String, Sendable, Hashable, Codable, CaseIterable {
    case stallion = "STALLION", mare = "MARE", gelding = "GELDING", filly = "FILLY", colt = "COLT", unknown = "UNKNOWN"
}

/// A picture or video of a horse.
package struct Media: Sendable, Hashable, Codable {
    package var name: String?
    package var module: String?
    /// `mediaurl`: the full picture, or the video's page (YouTube).
    package var url: String
    /// `miniatureurl`.
    package var miniatureURL: String?

    package init(name: String? = nil, module: String? = nil, url: String, miniatureURL: String? = nil) {
        self.name = name; self.module = module; self.url = url; self.miniatureURL = miniatureURL
    }
}

/// `include_additional_info=true` details.
package struct AdditionalInfo: Sendable, Hashable, Codable {
    package var sku: String?
    package var breedingAssociations: [String]
    package var semenAvailability: [String]
    package var wffsTestResult: String?
    package var semenPrice: String?
    package var salesContent: String?

    package init(
        sku: String? = nil, breedingAssociations: [String] = [], semenAvailability: [String] = [],
        wffsTestResult: String? = nil, semenPrice: String? = nil, salesContent: String? = nil
    ) {
        self.sku = sku; self.breedingAssociations = breedingAssociations
        self.semenAvailability = semenAvailability; self.wffsTestResult = wffsTestResult
        self.semenPrice = semenPrice; self.salesContent = salesContent
    }

    package var isEmpty: Bool {
        sku == nil && breedingAssociations.isEmpty && semenAvailability.isEmpty && wffsTestResult == nil
            && semenPrice == nil && salesContent == nil
    }
}
