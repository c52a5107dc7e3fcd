extension HorseGender {
    /// Normalises the sex as Equicty words it in English, French, German or Dutch ("Gelding",
    /// "Hongre", "Wallach", "Ruin"), or as the filter's raw value; anything else is `.unknown`.
    package init(apiText: String?) {
        guard let text = apiText?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else {
            self = .unknown
            return
        }
        if let raw = HorseGender(rawValue: text.uppercased()) {
            self = raw
            return
        }
        let words: [(HorseGender, [String])] = [
            (.stallion, ["stallion", "étalon", "etalon", "hengst", "dekhengst"]),
            (.mare, ["mare", "jument", "stute", "merrie", "broodmare"]),
            (.gelding, ["gelding", "hongre", "wallach", "ruin"]),
            (.filly, ["filly", "pouliche", "stutfohlen", "merrieveulen", "jonge merrie"]),
            (.colt, ["colt", "poulain", "hengstfohlen", "hengstveulen", "jonge hengst"]),
        ]
        self = words.first { $0.1.contains(text) }?.0 ?? .unknown
    }
}
