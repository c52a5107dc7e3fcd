/// An element of a HorseTelex pedigree as a browser's tree has it, for matching its stylesheet.
///
/// libxml2 leaves out the `<tbody>` that HTML implies around rows written directly in a table
/// (the sanitiser writes it out), so a rule such as `table > tbody > tr > td` is matched against
/// a tree that has it.
enum PedigreeElement {
    case node(HTMLNode)
    /// The `<tbody>` a browser adds between `table` and its rows.
    case impliedBody(table: HTMLNode)

    var name: String {
        switch self {
        case .node(let node): node.name
        case .impliedBody: "tbody"
        }
    }

    func attribute(_ name: String) -> String? {
        switch self {
        case .node(let node): node.attribute(name)
        case .impliedBody: nil
        }
    }

    var parent: PedigreeElement? {
        switch self {
        case .node(let node):
            guard let parent = node.parent else { return nil }
            return parent.name == "table" && node.name == "tr" ? .impliedBody(table: parent) : .node(parent)
        case .impliedBody(let table):
            return .node(table)
        }
    }
}
