import CLibXML2

/// The children of a node, as a sequence.
struct HTMLChildren: Sequence {
    let first: xmlNodePtr?

    func makeIterator() -> AnyIterator<HTMLNode> {
        var next = first
        return AnyIterator {
            guard let node = next else { return nil }
            next = node.pointee.next
            return HTMLNode(node)
        }
    }
}
