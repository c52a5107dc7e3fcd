import Foundation
import Mustache
import PaddockTemplate

// Renders `count` horse pages with Paddock's engine and with swift-mustache 2.1.1, on one core,
// in memory, alternating rounds so both see the same machine conditions; prints medians and ratio.
// Usage: scripts/bench TemplateBenchmark [count=10000] [rounds=5]
let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

let data = HorsePageData(count: count)
let paddockSet = try TemplateSet(templates: ["layout": HorsePageTemplates.layout, "horse": HorsePageTemplates.horse])
let library = MustacheLibrary(templates: [
    "layout": try MustacheTemplate(string: HorsePageTemplates.layout),
    "horse": try MustacheTemplate(string: HorsePageTemplates.horse),
])

@MainActor func timePaddock() throws -> (Duration, Int) {
    var bytes = 0
    var buffer: [UInt8] = []
    buffer.reserveCapacity(8192)
    let elapsed = try ContinuousClock().measure {
        for context in data.paddock {
            buffer.removeAll(keepingCapacity: true)
            try paddockSet.render("horse", context, into: &buffer)
            bytes &+= buffer.count
        }
    }
    return (elapsed, bytes)
}

@MainActor func timeSwiftMustache() -> (Duration, Int) {
    var bytes = 0
    let elapsed = ContinuousClock().measure {
        for context in data.foundation {
            bytes &+= library.render(context, withTemplate: "horse")?.utf8.count ?? 0
        }
    }
    return (elapsed, bytes)
}

func median(_ values: [Double]) -> Double { let s = values.sorted(); return s[s.count / 2] }

let samplePaddock = String(decoding: try paddockSet.render("horse", data.paddock[0]), as: UTF8.self)
let sampleOther = library.render(data.foundation[0], withTemplate: "horse") ?? ""
print("page size: paddock \(samplePaddock.utf8.count) bytes, swift-mustache \(sampleOther.utf8.count) bytes; identical: \(samplePaddock == sampleOther)")
if samplePaddock != sampleOther {
    let a = Array(samplePaddock.utf8), b = Array(sampleOther.utf8)
    let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    print("first difference at byte \(at): paddock …\(String(decoding: a[max(0, at - 30)..<min(a.count, at + 30)], as: UTF8.self))… swift-mustache …\(String(decoding: b[max(0, at - 30)..<min(b.count, at + 30)], as: UTF8.self))…")
}

var ours: [Double] = [], theirs: [Double] = []
for round in 1...rounds {
    let (p, pBytes) = try timePaddock()
    let (m, mBytes) = timeSwiftMustache()
    ours.append(Double(count) / (p / .seconds(1)))
    theirs.append(Double(count) / (m / .seconds(1)))
    print(String(format: "round %d: paddock %.0f pages/s (%d bytes), swift-mustache %.0f pages/s (%d bytes)", round, ours.last!, pBytes, theirs.last!, mBytes))
}
print(String(format: "median over %d rounds of %d pages: paddock %.0f pages/s, swift-mustache %.0f pages/s, ratio %.2fx",
             rounds, count, median(ours), median(theirs), median(ours) / median(theirs)))
