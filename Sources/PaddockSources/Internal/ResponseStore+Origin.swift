extension ResponseStore.Origin {
    var isCached: Bool {
        if case .network = self { return false }
        return true
    }
}
