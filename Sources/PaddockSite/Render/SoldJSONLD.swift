import Foundation
import PaddockCatalogue

/// schema.org data of a sold item's page: a Product whose offer is `SoldOut`.
enum SoldJSONLD {
    static func offer(price: Decimal?, currency: String, url: String) -> JSONLD.Value {
        var offer: [String: JSONLD.Value] = [
            "@type": "Offer", "availability": "https://schema.org/SoldOut", "url": .string(url), "priceCurrency": .string(currency),
        ]
        if let price, price > 0 { offer["price"] = .string("\(price)") }
        return .object(offer)
    }

    static func horse(_ horse: Horse, url: String, image: String?, currency: String) -> [String: JSONLD.Value] {
        var product: [String: JSONLD.Value] = [
            "@context": "https://schema.org", "@type": "Product", "name": .string(horse.name), "category": "Horse",
            "url": .string(url), "productID": .string(horse.id), "offers": offer(price: nil, currency: currency, url: url),
        ]
        if let sales = horse.additional?.salesContent?.trimmed, !sales.isEmpty { product["description"] = .string(sales) }
        if let image { product["image"] = .string(image) }
        return product
    }

    /// A sold herd animal: its page's `Thing` (only what the live page publishes) as a sold
    /// `Product`; no product id (the herd's id is the organisation and the ear tag).
    static func herdAnimal(_ thing: [String: JSONLD.Value], url: String, currency: String) -> [String: JSONLD.Value] {
        var product = thing
        product["@type"] = "Product"
        product["category"] = "Cattle"
        product["offers"] = offer(price: nil, currency: currency, url: url)
        return product
    }
}
