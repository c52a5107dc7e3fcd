import PaddockTemplate

/// A page's context and what data it shows.
struct BuiltContext {
    var value: TemplateValue
    var equicty = false
    var horsetelex = false
}
