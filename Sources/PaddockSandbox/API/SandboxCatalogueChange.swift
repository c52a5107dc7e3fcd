/// A change to the sandbox's catalogue while it runs, as the stable's data changes between two
/// builds of a real site: a horse renamed or gone from Equicty, an animal sold, reserved,
/// withdrawn, renamed or repriced. ``SandboxServer/serve(changes:)`` applies a set of them to the
/// data the sandbox started with, so serving an empty set restores it (an item listed again).
package enum SandboxCatalogueChange: Sendable, Hashable {
    /// The horse's `name` becomes `name` (id unchanged).
    case renameHorse(id: Int, name: String)
    /// The horse leaves the Equicty catalogue: no longer in the listing, its detail answered as an unknown horse's (400, "not found or not public").
    case removeHorse(id: Int)
    /// A new horse joins the Equicty catalogue: the demo horse `like` with id `id`, name `name` and
    /// `pictures` new pictures of its own (generated photographs, each of another size, so that
    /// each has bytes of its own).
    case addHorse(id: Int, name: String, like: Int, pictures: Int)
    /// The animal's `name` becomes `name`.
    case renameAnimal(ids: String, name: String)
    /// The animal is sold: `status` `sold` with a `sold_info`, still flagged `is_for_sale` (the
    /// documents never say the flag is cleared).
    case sellAnimal(ids: String)
    /// The animal is withdrawn from sale: `is_for_sale` 0.
    case withdrawAnimal(ids: String)
    /// The animal is held for a buyer: `status` `hold`.
    case holdAnimal(ids: String)
    /// The animal's `sale_price` becomes `price` (`nil`: none, price on request).
    case priceAnimal(ids: String, price: Double?)
}
