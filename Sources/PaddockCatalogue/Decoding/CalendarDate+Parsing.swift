extension CalendarDate {
    /// Parses the API's date forms: `dd-MM-yyyy` (Equicty), `yyyy-MM-dd` (Husbandry), also with `/` or `.`
    /// and with a time after the date; `nil` for "", `0000-00-00` and impossible dates.
    package init?(apiText text: String) {
        let datePart = text.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
        let head = datePart.split(separator: "T").first.map(String.init) ?? ""
        let parts = head.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let (year, month, day) = parts[0].count == 4 ? (a, b, c) : (c, b, a)
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        let monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...monthDays[month - 1]).contains(day) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        if month == 2, day == 29, !leap { return nil }
        self.init(year: year, month: month, day: day)
    }
}
