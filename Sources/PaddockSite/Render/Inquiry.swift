import Foundation
import PaddockTemplate

/// One-tap inquiry of a horse's or animal's page: e-mail with subject and body prefilled in the
/// page's language (name, reference, address of the page), WhatsApp and phone when `[contact]`
/// has them. Plain links: no form, no backend.
struct Inquiry {
    let name: String
    let reference: String
    /// The page's absolute address.
    let url: String
    let config: SiteConfig
    let data: LanguageData

    var values: KeyValuePairs<String, String> { ["name": name, "reference": reference, "url": url] }

    /// `mailto:` with the subject and body, `nil` without a contact address.
    var emailHref: String? {
        guard let mailto = SafeURL.mailto(config.contactEmail, subject: data.string("inquiry_subject", ["name": name])) else { return nil }
        return mailto + "&body=" + SafeURL.percentEncode(data.string("inquiry_body", values))
    }

    /// `https://wa.me/<number>?text=…`, `nil` without `[contact] whatsapp`.
    var whatsAppHref: String? {
        guard let number = config.contactWhatsApp, !number.isEmpty else { return nil }
        return "https://wa.me/\(number)?text=" + SafeURL.percentEncode(data.string("inquiry_message", values))
    }

    /// `tel:+31612345678`, `nil` without `[contact] phone`.
    var phoneHref: String? {
        guard let phone = config.contactPhone else { return nil }
        let dialled = phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
        return dialled.contains(where: \.isNumber) ? "tel:" + dialled : nil
    }

    /// The `inquiry` map of the page (`partials/inquiry`), or null when no way to ask is configured.
    var value: TemplateValue {
        let email = emailHref, whatsApp = whatsAppHref, phone = phoneHref
        guard email != nil || whatsApp != nil || phone != nil else { return .null }
        return .map([
            "email": .nonEmpty(email), "whatsapp": .nonEmpty(whatsApp), "phone": .nonEmpty(phone),
            "title": .string(data.string("inquiry_title", ["name": name])),
            "phoneLabel": .string(data.string("inquire_phone", ["phone": config.contactPhone ?? ""])),
        ])
    }
}
