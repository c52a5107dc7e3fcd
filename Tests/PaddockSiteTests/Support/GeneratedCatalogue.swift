import Foundation
import PaddockCatalogue
import PaddockTestSupport

/// A large catalogue made in code, deterministic, as varied as a real one where size matters:
/// unique names, picture addresses with random file names, sires and dams from a stud book's
/// worth of stallions and mares, genes in every combination. For the filter index's size bound.
enum GeneratedCatalogue {
    typealias Generator = SeededGenerator

    static func horses(count: Int, seed: UInt64 = 42) -> [Horse] {
        var random = Generator(seed: seed)
        let stallions = (0..<300).map { _ in random.name() }, mares = (0..<2000).map { _ in random.name() }
        let studbooks = ["KWPN", "BWP", "Holsteiner", "Hanoverian", "Oldenburg", "Westfalen", "Trakehner", "Zangersheide", "SF", "Irish Sport Horse", "AES", "OS"]
        let colours = ["bay", "dark bay", "chestnut", "grey", "black", "palomino", "buckskin", "paint"]
        let associations = ["KWPN", "BWP", "Holsteiner Verband", "Hannoveraner Verband", "Oldenburger", "Trakehner Verband", "Zangersheide", "SBS", "AES", "ISH"]
        let genders: [HorseGender] = [.stallion, .mare, .gelding, .filly, .colt]
        return (0..<count).map { index in
            let name = random.name() + " \(index)"
            let gender = random.pick(genders)
            return Horse(
                id: String(200_000 + index), name: name, officialName: random.below(2) == 0 ? name.uppercased() : nil,
                age: random.below(26), sex: gender.rawValue.capitalized, gender: gender, studbook: random.pick(studbooks),
                color: random.pick(colours), height: Double(148 + random.below(34)), heightUnit: "cm",
                pedigree: Pedigree(names: ["v": random.pick(stallions), "m": random.pick(mares)]),
                miniatureURL: "https://cdn.equicty.com/storage/horses/\(200_000 + index)/\(random.hex(16)).jpg",
                additional: AdditionalInfo(breedingAssociations: (0..<random.below(3)).map { _ in random.pick(associations) },
                                           semenAvailability: gender == .stallion ? ["Fresh", "Frozen"].filter { _ in random.below(2) == 0 } : [],
                                           salesContent: random.below(4) == 0 ? "For sale." : nil))
        }
    }

    static func animals(count: Int, seed: UInt64 = 7) -> [SaleAnimal] {
        var random = Generator(seed: seed)
        let species = [Species(id: "1", commonName: "Ball Python", scientificName: "Python regius"),
                       Species(id: "2", commonName: "Leopard Gecko", scientificName: "Eublepharis macularius"),
                       Species(id: "3", commonName: "Corn Snake", scientificName: "Pantherophis guttatus")]
        let genes = ["Mojave", "Pastel", "Spider", "Fire", "Enchi", "Lesser", "Banana", "Yellow Belly", "Clown", "Pied", "Desert Ghost", "Albino", "Axanthic", "Hypo", "Leopard", "Cinnamon"]
        let maturity = ["Hatchling", "Juvenile", "Sub-adult", "Adult"]
        let prices: [Decimal?] = [nil, 45, 75, 120, 150, 250, 350, 450, 650, 900, 1500, 2500]
        return (0..<count).map { index in
            let visual = (0..<random.below(4)).map { _ in random.pick(genes) }
            let het = random.below(2) == 0 ? " het " + random.pick(genes) : (random.below(3) == 0 ? " 66% het " + random.pick(genes) : "")
            let descriptor = (visual.isEmpty ? "Normal" : visual.joined(separator: " ")) + het
            return SaleAnimal(
                id: "\(random.hex(8))-\(random.hex(4))-\(random.hex(4))-\(random.hex(4))-\(random.hex(12))", reference: String(format: "BP-%05d", index),
                name: random.below(2) == 0 ? random.name() : nil, descriptor: descriptor, species: random.pick(species),
                sex: random.pick([.male, .female, .unknown]),
                dateOfBirth: CalendarDate(year: 2018 + random.below(7), month: 1 + random.below(12), day: 1 + random.below(28)),
                maturity: random.pick(maturity), status: random.below(10) == 0 ? "hold" : "active",
                sireGenetics: visual.map { Gene(name: $0, trait: "Co-dominant") }, damGenetics: [Gene(name: random.pick(genes), trait: "Recessive")],
                photos: ["https://cdn.husbandry.pro/photos/\(random.hex(24)).jpg"], price: random.pick(prices))
        }
    }
}

/// The picks a generated catalogue makes.
extension SeededGenerator {
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func hex(_ count: Int) -> String { String((0..<count).map { _ in "0123456789abcdef".randomElement(using: &self)! }) }
    mutating func name() -> String {
        let syllables = ["ka", "lo", "ri", "van", "de", "mar", "tin", "bel", "or", "quin", "ta", "ro", "sa", "lin", "dor", "é", "zel", "ni", "ca", "mo"]
        let count = 2 + below(3)
        let word = (0..<count).map { _ in pick(syllables) }.joined()
        return word.prefix(1).uppercased() + word.dropFirst() + (below(3) == 0 ? " " + pick(["Z", "VDL", "W", "Blue", "van de Wei", "du Marais"]) : "")
    }
}
