import PaddockCatalogue
import PaddockTemplate

/// One row of a page's facts table: a label key, the text shown, and for dates the ISO date that
/// the template writes as `<time datetime="…">`.
struct FactRow {
    var key: String
    var text: String?
    var date: CalendarDate?

    init(_ key: String, _ text: String?, date: CalendarDate? = nil) {
        self.key = key; self.text = text; self.date = date
    }

    /// The row's template value (`label`, `value`, `datetime`), or `nil` when there is nothing to show.
    func value(_ data: LanguageData) -> TemplateValue? {
        guard let text = text?.trimmed, !text.isEmpty else { return nil }
        let label = TemplateValue.string(data.string(key))
        guard let date else { return .map(["label": label, "value": .string(text)]) }
        return .map(["label": label, "value": .string(text), "datetime": .string(date.description)])
    }

    /// The date of birth as a schema.org `PropertyValue`, in ISO 8601.
    static func birthDateProperty(_ date: CalendarDate) -> JSONLD.Value {
        ["@type": "PropertyValue", "name": "birthDate", "value": .string(date.description)]
    }
}
