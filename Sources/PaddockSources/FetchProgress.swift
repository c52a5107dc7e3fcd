/// Progress of one source: `done` of `total` requests (an Equicty language, or Husbandry's pages).
package struct FetchProgress: Sendable, Hashable {
    /// "Equicty (en)", "Husbandry Pro".
    package var source: String
    package var done: Int
    package var total: Int

    package init(source: String, done: Int, total: Int) {
        self.source = source; self.done = done; self.total = total
    }
}
