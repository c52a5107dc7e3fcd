/// Runs `work` over `items` with at most `width` child tasks at a time, handing each result to
/// `collect` in the calling task (so `collect` may mutate local state) as soon as it is ready.
enum BoundedTasks {
    static func run<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int,
        work: @escaping @Sendable (Item) async throws -> Result,
        collect: (Result) async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Result.self) { group in
            var iterator = items.makeIterator()
            for _ in 0..<max(1, width) {
                guard let item = iterator.next() else { break }
                group.addTask { try await work(item) }
            }
            while let result = try await group.next() {
                if let item = iterator.next() { group.addTask { try await work(item) } }
                try await collect(result)
            }
        }
    }
}
