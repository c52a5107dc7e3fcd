extension Publisher {
    /// Starts a streaming publish: add the build's files as they are produced (from any thread),
    /// then ``PublishSession/finish()``. Nothing is written until the first changed file arrives.
    /// - Throws: ``PublishError`` when the output is not a folder or a link of ours.
    /// - Parameter expectedCount: how many files the build will add, for progress (``observer``).
    package func begin(expectedCount: Int? = nil) throws -> PublishSession {
        try PublishSession(publisher: self, expectedCount: expectedCount)
    }
}
