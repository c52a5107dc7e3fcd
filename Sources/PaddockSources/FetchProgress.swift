/// Progress of one source: `done` of `total` requests (an Equicty language, or Husbandry's pages).
public struct FetchProgress: Sendable, Hashable {
    /// "Equicty (en)", "Husbandry Pro".
    public var source: String
    public var done: Int
    public var total: Int

    public init(source: String, done: Int, total: Int) {
        self.source = source; self.done = done; self.total = total
    }
}
