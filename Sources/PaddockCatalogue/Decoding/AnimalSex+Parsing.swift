extension AnimalSex {
    /// `M`, `F`, `U`, or the words ("male", "Female"); anything else is `.unknown`.
    package init(apiText: String?) {
        switch apiText?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "m", "male", "1.0": self = .male
        case "f", "female", "0.1": self = .female
        default: self = .unknown
        }
    }
}
