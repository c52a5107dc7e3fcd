import Foundation

extension DemoStore {
    /// This store with `changes` applied, in order; a change naming an unknown item changes nothing.
    func applying(_ changes: [SandboxCatalogueChange]) -> DemoStore {
        var out = self
        for change in changes {
            switch change {
            case .renameHorse(let id, let name):
                if let index = out.horses.firstIndex(where: { $0.id == id }) { out.horses[index].name = name }
            case .removeHorse(let id):
                out.horses.removeAll { $0.id == id }
            case .addHorse(let id, let name, let like, let pictures):
                guard var horse = out.horses.first(where: { $0.id == like }), !out.horses.contains(where: { $0.id == id }) else { break }
                horse.id = id
                horse.name = name
                horse.official_name = name.uppercased()
                horse.pictures = (0..<pictures).map { n in
                    let file = "generated/\(1701 + (id % 50) * 8 + n)x1200.jpg"
                    return DemoHorse.Picture(name: "\(name) \(n + 1)", module: "horse", file: file, miniature: file)
                }
                horse.profile = horse.pictures.first?.file ?? horse.profile
                horse.miniature = horse.profile
                horse.videos = []
                horse.horsetelex = false
                out.horses.append(horse)
            case .renameAnimal(let ids, let name):
                out.editAnimal(ids) { $0.name = name }
            case .sellAnimal(let ids):
                out.editAnimal(ids) { animal in
                    animal.status = "sold"
                    animal.sold_info = .init(sold_date: "2026-01-02", sold_amount: animal.sale_info?.sale_price ?? 0,
                                             sold_customer: "", sold_notes: "")
                }
            case .withdrawAnimal(let ids):
                out.editAnimal(ids) { $0.is_for_sale = false }
            case .holdAnimal(let ids):
                out.editAnimal(ids) { $0.status = "hold" }
            case .priceAnimal(let ids, let price):
                out.editAnimal(ids) { animal in
                    animal.sale_info = .init(sale_price: price, pricing_notes: animal.sale_info?.pricing_notes ?? "",
                                             buyer_notes: animal.sale_info?.buyer_notes ?? "")
                }
            }
        }
        out.horseIndex = Dictionary(out.horses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return out
    }

    private mutating func editAnimal(_ ids: String, _ edit: (inout DemoAnimal) -> Void) {
        guard let index = animals.firstIndex(where: { $0.ids == ids }) else { return }
        edit(&animals[index])
    }
}

/// The data a running sandbox serves: the data it started with and the changes served since.
final class DemoStoreBox: @unchecked Sendable {
    private let lock = NSLock()
    private let original: DemoStore
    private var current: DemoStore

    init(_ store: DemoStore) { original = store; current = store }

    var store: DemoStore { lock.withLock { current } }

    func serve(_ changes: [SandboxCatalogueChange]) {
        let changed = original.applying(changes)
        lock.withLock { current = changed }
    }
}
