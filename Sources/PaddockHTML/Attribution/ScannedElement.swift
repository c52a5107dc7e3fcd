/// One element of a ``StrictPageScan``, as the attribution check sees it.
struct ScannedElement: PageElement {
    let scan: StrictPageScan
    let index: Int

    private var element: StrictPageScan.Element { scan.elements[index] }

    var name: String { scan.name(of: index) }
    var identity: Int { index }

    var attributes: [(name: String, value: String)] {
        let element = element
        return (Int(element.firstAttribute)..<Int(element.firstAttribute + element.attributeCount)).map {
            (scan.attributeName($0), scan.attributeValue($0))
        }
    }

    func attribute(_ name: String) -> String? {
        scan.attributeIndex(named: name, of: index).map(scan.attributeValue)
    }

    var parent: ScannedElement? { element.parent < 0 ? nil : ScannedElement(scan: scan, index: Int(element.parent)) }
    var previousElement: ScannedElement? { element.previous < 0 ? nil : ScannedElement(scan: scan, index: Int(element.previous)) }
    var descendantElements: [ScannedElement] { ((index + 1)..<Int(element.end)).map { ScannedElement(scan: scan, index: $0) } }
}
