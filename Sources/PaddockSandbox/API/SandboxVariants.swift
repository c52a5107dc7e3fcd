/// Which of the documented, mutually contradicting shapes the sandbox answers with.
package enum SandboxVariants: String, Sendable, CaseIterable {
    /// Every documented variant, each on its own items (deterministic by item and page).
    case mixed
    /// The tidiest shape only: `{"data": …}`, `birthday`, 14-key objects, real numbers, `total` as a number.
    case canonical
    /// The mixed variants plus what the documents allow and clients tend to assume away: animals
    /// flagged for sale whose status is sold, archived or inactive, prices in every written form
    /// (`"1,250.00"`, `"1.250,00"`, `"€1,250"`, …, and unreadable ones), HorseTelex pedigrees framed
    /// and bare in turn. ``SandboxServer/statement`` says what a correct site then contains.
    case strictDocs = "strict-docs"
}
