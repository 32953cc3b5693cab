import Foundation
import ArgumentParser
import Autograd
import Lessons

/// `backprop eval FILE [--set NAME=VALUE ...] [--json]`: every named node's value and
/// gradient, printed.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the value and gradient of every named node of a graph.",
        discussion: """
            The gradient is ∂output/∂node, where the output is the node named by \
            'output NAME' or else the last assignment. A lesson is evaluated at its own \
            values: its first part, or the one --part names; with --variant N, at the \
            numbers of variant N (a class's answer key: one variant per student).

            Examples: backprop eval examples/chain-rule.graph --set x=3 --json
                      backprop eval xor --part 2
                      backprop eval chain-rule --variant 7 --json
            """
    )

    @Argument(help: "A graph file, a lesson file or a bundled lesson's name.")
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Give a leaf a value before evaluating.", valueName: "NAME=VALUE"))
    var settings: [String] = []

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "For a lesson with several parts: the part to evaluate (from 1).")
    var part = 1

    @Option(help: ArgumentHelp("Numbers of your own: the lesson's leaves drawn anew, the same for the same N everywhere (1 to 1000000).", valueName: "N"))
    var variant: Int?

    func validate() throws {
        if part < 1 { throw ValidationError("--part counts from 1; got \(part)") }
        if let variant, !Lesson.variants.contains(variant) { throw ValidationError("--variant takes a number from 1 to 1000000; got \(variant)") }

        for setting in settings where LeafSetting(setting) == nil {
            throw ValidationError("--set expects NAME=VALUE with a number, e.g. --set x=-2; got '\(setting)'")
        }
    }

    func run() throws {
        let (loaded, diagnostics) = GraphSource.load(path: file, part: part - 1, variant: variant)
        guard var program = loaded else {
            Output.error(diagnostics)
            throw ExitCode.failure
        }
        var problems: [Diagnostic] = []
        for setting in settings.compactMap(LeafSetting.init) {
            if let problem = setting.apply(to: &program.graph, file: program.file) { problems.append(problem) }
        }
        guard problems.isEmpty else {
            Output.error(problems)
            throw ExitCode.failure
        }
        guard let tape = program.graph.tape() else { return }
        // Parsing computed every value already; only new leaf values need a forward pass.
        if !settings.isEmpty { program.graph.forward(tape) }
        program.graph.backward(tape)
        Output.error(GraphChecks.warnings(program, tape: tape))
        Output.print(json ? GraphReport.json(program.graph) : GraphReport.table(program.graph))
    }
}

/// One `--set NAME=VALUE`.
struct LeafSetting {
    var name: String
    var value: Double

    init?(_ text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, let value = Double(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)) else {
            return nil
        }
        self.name = name
        self.value = value
    }

    /// Sets the leaf, or says why it cannot be set.
    func apply(to graph: inout Graph, file: String) -> Diagnostic? {
        guard let id = graph.id(named: name) else {
            let leaves = graph.namedIDs.filter { graph.kind(of: $0).isLeaf }.compactMap { graph.name(of: $0) }
            return .error(file: file, at: .wholeFile, "--set \(name): no node named '\(name)' (the leaves are \(leaves.joined(separator: ", ")))")
        }
        guard graph.kind(of: id).isLeaf else {
            return .error(file: file, at: .wholeFile, "--set \(name): '\(name)' is computed from other nodes; only inputs, params and consts can be set")
        }
        graph.setValue(value, of: id)
        return nil
    }
}
