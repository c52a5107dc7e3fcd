/// An element as the attribution check and its CSS selectors see it: a node of libxml2's tree
/// (``HTMLNode``) or one read by the strict scanner (``ScannedElement``).
protocol PageElement {
    /// Lower-case element name (`td`).
    var name: String { get }
    /// Attributes in document order, names lower-cased, values with character references decoded.
    var attributes: [(name: String, value: String)] { get }
    /// One attribute's value (`name` lower case).
    func attribute(_ name: String) -> String?
    var parent: Self? { get }
    /// The element before this one among its siblings.
    var previousElement: Self? { get }
    /// Every element below this one, in document order.
    var descendantElements: [Self] { get }
    /// Equal for two views of the same element, different for different elements of a page.
    var identity: Int { get }
}

extension PageElement {
    /// The element and its element ancestors, nearest first.
    var selfAndAncestors: [Self] {
        var result = [self]
        var node = parent
        while let current = node { result.append(current); node = current.parent }
        return result
    }
}
