import CLibXML2

extension HTMLNode {
    /// What the attribution check needs from a page, found in one walk without building Swift strings
    /// for every element: elements carrying `attribute`, `<style>` elements and `<link>` elements.
    struct Scan {
        var marked: [HTMLNode] = []
        var styles: [HTMLNode] = []
        var links: [HTMLNode] = []
    }

    /// Walks every element below this node once (iteratively, so deep trees are safe).
    func scan(markedBy attribute: String) -> Scan {
        var result = Scan()
        let attributeName = Array(attribute.utf8) + [0]
        let style = Array("style".utf8) + [0], link = Array("link".utf8) + [0]
        var stack: [xmlNodePtr] = []
        var child = pointer.pointee.children
        while true {
            while let node = child {
                if node.pointee.type == XML_ELEMENT_NODE {
                    if xmlHasProp(node, attributeName) != nil { result.marked.append(HTMLNode(node)) }
                    if let name = node.pointee.name {
                        if xmlStrcasecmp(name, style) == 0 { result.styles.append(HTMLNode(node)) }
                        else if xmlStrcasecmp(name, link) == 0 { result.links.append(HTMLNode(node)) }
                    }
                    if let first = node.pointee.children {
                        if let next = node.pointee.next { stack.append(next) }
                        child = first
                        continue
                    }
                }
                child = node.pointee.next
            }
            guard let next = stack.popLast() else { break }
            child = next
        }
        return result
    }
}
