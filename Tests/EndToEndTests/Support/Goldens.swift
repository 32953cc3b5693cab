import Foundation
import Testing

/// Golden files (Tests/Fixtures): what a command printed once, reviewed, and compared
/// with every run since. `Scripts/update-classroom-goldens.sh` rewrites them after a
/// deliberate change; review the diff.
enum Goldens {
    static let fixtures = BackpropBinary.packageRoot.appendingPathComponent("Tests/Fixtures")
}

func golden(_ name: String) throws -> String {
    try String(contentsOf: Goldens.fixtures.appendingPathComponent(name), encoding: .utf8)
}

/// Compares line by line, so a failure names the first line that differs.
func expectSame(_ actual: String, _ expected: String, _ what: String) {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    if let index = zip(a, e).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
        Issue.record("\(what): line \(index + 1) differs:\n  got:      \(a[index])\n  expected: \(e[index])")
    } else {
        #expect(a.count == e.count, "\(what): \(a.count) lines, expected \(e.count)")
    }
}
