/// Which of the documented, mutually contradicting shapes the sandbox answers with.
public enum SandboxVariants: String, Sendable, CaseIterable {
    /// Every documented variant, each on its own items (deterministic by item and page).
    case mixed
    /// The tidiest shape only: `{"data": …}`, `birthday`, 14-key objects, real numbers, `total` as a number.
    case canonical
}
