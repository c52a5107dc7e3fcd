import PaddockTemplate

/// The `saleSheet` of a horse's or animal's page: a QR code of the page's address, made at build
/// time (an SVG in a `data:` URL, so the page stays one file and prints anywhere), for the printed
/// sale sheet (`partials/sale-sheet`, `assets/print.css`).
enum SaleSheet {
    static func value(url: String, data: LanguageData) -> TemplateValue {
        guard let code = try? QRCode.encode(url) else { return .null }
        return .map([
            "qr": .string(code.svgDataURL), "url": .string(url),
            "qrAlt": .string(data.string("qr_alt", ["url": url])),
        ])
    }

    /// `built` with the sale sheet of `page` added.
    static func adding(to built: BuiltContext, page: PlannedPage, frame: PageFrame, data: LanguageData) -> BuiltContext {
        var map = built.value.mapValue
        guard !map.isEmpty else { return built }
        map["saleSheet"] = value(url: frame.absolute(page.path), data: data)
        var result = built
        result.value = .map(map)
        return result
    }
}
