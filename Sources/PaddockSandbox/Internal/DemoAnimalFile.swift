import Foundation

struct DemoAnimalFile: Decodable, Sendable {
    var breeders: [DemoBreeder]?
    var species: [DemoSpecies]?
    var animals: [DemoAnimal]
}
