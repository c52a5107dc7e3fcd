import Foundation

/// Larger data sets for benchmarks: the demo items repeated with new ids and names, deterministically.
extension DemoStore {
    /// `horses` horses (a third of them on HorseTelex) and `animals` animals (half for sale), made by
    /// cycling through the demo items; `nil` keeps a set as it is.
    func scaled(horses horseCount: Int?, animals animalCount: Int?) -> DemoStore {
        var out = self
        if let horseCount, !horses.isEmpty {
            let fallbackTemplate = horsetelexTemplates.sorted { $0.key < $1.key }.first?.value
            out.horses = []
            out.horsetelexTemplates = [:]
            for k in 0..<max(0, horseCount) {
                let base = horses[k % horses.count]
                var horse = base
                horse.id = 100_001 + k
                let round = k / horses.count
                if round > 0 { horse.name = "\(base.name) \(round + 1)" }
                horse.horsetelex = k % 3 == 0
                horse.additional.sku = "WH-\(horse.id)"
                if horse.horsetelex, let template = horsetelexTemplates[base.id] ?? fallbackTemplate {
                    out.horsetelexTemplates[horse.id] = template
                }
                out.horses.append(horse)
            }
        }
        if let animalCount, !animals.isEmpty {
            out.animals = (0..<max(0, animalCount)).map { k in
                var animal = animals[k % animals.count]
                animal.ids = String(animal.ids.prefix(24)) + String(format: "%012x", k)
                animal.my_id = "\(animal.my_id.prefix(2))-\(String(format: "%05d", k + 1))"
                animal.is_for_sale = k % 2 == 0
                if animal.is_for_sale && animal.sale_info == nil {
                    animal.sale_info = .init(sale_price: Double(50 + (k % 20) * 25), pricing_notes: "", buyer_notes: "")
                }
                if animal.is_for_sale { animal.status = "active" }
                return animal
            }
        }
        out.horseIndex = Dictionary(out.horses.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return out
    }
}
