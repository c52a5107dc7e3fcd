/// A public horse of an Equicty stable, normalised from any documented variant of the API.
public struct Horse: Sendable, Hashable, Codable, Identifiable {
    /// Equicty's id, as a string (the API sends it as a number or a string).
    public var id: String
    public var name: String
    public var officialName: String?
    public var nickName: String?
    public var age: Int?
    /// `birthday` or `birth_date` (dd-MM-yyyy).
    public var birthDate: CalendarDate?
    /// The sex as the API words it, in the fetch's language ("Gelding", "Hengst").
    public var sex: String?
    /// The sex normalised for filters.
    public var gender: HorseGender
    public var studbook: String?
    public var color: String?
    public var height: Double?
    public var heightUnit: String?
    public var breeder: String?
    /// Synced with HorseTelex: a HorseTelex pedigree HTML can be fetched.
    public var horsetelex: Bool
    public var pedigree: Pedigree?
    public var profileURL: String?
    public var miniatureURL: String?
    public var pictures: [Media]
    public var videos: [Media]
    public var level: String?
    public var info: String?
    public var additional: AdditionalInfo?
    /// The HorseTelex pedigree HTML as Equicty sent it (unsanitised), for `horsetelex` horses.
    public var horsetelexHTML: String?

    public init(
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
public enum HorseGender: String, Sendable, Hashable, Codable, CaseIterable {
    case stallion = "STALLION", mare = "MARE", gelding = "GELDING", filly = "FILLY", colt = "COLT", unknown = "UNKNOWN"
}

/// A picture or video of a horse.
public struct Media: Sendable, Hashable, Codable {
    public var name: String?
    public var module: String?
    /// `mediaurl`: the full picture, or the video's page (YouTube).
    public var url: String
    /// `miniatureurl`.
    public var miniatureURL: String?

    public init(name: String? = nil, module: String? = nil, url: String, miniatureURL: String? = nil) {
        self.name = name; self.module = module; self.url = url; self.miniatureURL = miniatureURL
    }
}

/// `include_additional_info=true` details.
public struct AdditionalInfo: Sendable, Hashable, Codable {
    public var sku: String?
    public var breedingAssociations: [String]
    public var semenAvailability: [String]
    public var wffsTestResult: String?
    public var semenPrice: String?
    public var salesContent: String?

    public init(
        sku: String? = nil, breedingAssociations: [String] = [], semenAvailability: [String] = [],
        wffsTestResult: String? = nil, semenPrice: String? = nil, salesContent: String? = nil
    ) {
        self.sku = sku; self.breedingAssociations = breedingAssociations
        self.semenAvailability = semenAvailability; self.wffsTestResult = wffsTestResult
        self.semenPrice = semenPrice; self.salesContent = salesContent
    }

    public var isEmpty: Bool {
        sku == nil && breedingAssociations.isEmpty && semenAvailability.isEmpty && wffsTestResult == nil
            && semenPrice == nil && salesContent == nil
    }
}
