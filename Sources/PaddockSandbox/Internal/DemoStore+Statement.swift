import Foundation

/// The sandbox's own reading of the documents, written apart from the clients': an animal is for
/// sale when `is_for_sale` is 1 and its `status` is none of sold, archived, sold-archived and
/// inactive (the v1 and v2 lists); `hold` is reserved.
extension DemoStore {
    func isOffered(_ animal: DemoAnimal) -> Bool {
        guard animal.is_for_sale else { return false }
        let status = animal.status.lowercased().trimmingCharacters(in: .whitespaces)
        return !["sold", "archived", "sold-archived", "inactive"].contains(status)
    }

    /// What a site of every horse and of the animals of `breeders` (indices; all when `nil`) contains.
    func statement(context: WireContext, breeders: Set<Int>?) -> SiteStatement {
        let wire = HusbandryWire(store: self, context: context, version: .v1)
        var offered: [String: SiteStatement.OfferedAnimal] = [:]
        var withheld = Set<String>()
        for (j, animal) in animals.enumerated() where breeders?.contains(animal.breeder) ?? true {
            guard isOffered(animal) else { withheld.insert(animal.ids); continue }
            let price = wire.statedPrice(animal, index: j).flatMap { Decimal(string: String(format: "%.2f", $0)) }
            offered[animal.ids] = .init(id: animal.ids, reference: animal.my_id, price: price,
                                        reserved: animal.status.lowercased() == "hold")
        }
        return SiteStatement(
            offeredAnimals: offered, withheldAnimals: withheld,
            horses: Set(horses.map { String($0.id) }),
            horseTelexHorses: Set(horses.filter { $0.horsetelex && horsetelexTemplates[$0.id] != nil }.map { String($0.id) }),
            herd: herdStatement())
    }

    func herdStatement() -> SiteStatement.HerdStatement {
        var statement = SiteStatement.HerdStatement()
        for organisation in herd.organisations {
            for cow in organisation.animals {
                let sold = cow.tags.contains { $0.lowercased() == "sold" }
                let entry = SiteStatement.HerdStatement.Cow(
                    organisationID: organisation.id, officialID: cow.officialID, name: cow.name,
                    reproductionEvents: cow.reproductionEvents,
                    forSale: cow.tags.contains(SiteStatement.HerdStatement.saleTag))
                let key = "\(organisation.id)/\(cow.officialID)"
                if cow.archived || sold { statement.withheld[key] = entry } else { statement.listed[key] = entry }
                statement.privateValues.formUnion(cow.privateValues)
            }
        }
        return statement
    }
}
