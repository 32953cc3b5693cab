import ArgumentParser
import Autograd
import Bench
import Foundation

/// `backprop bench`: the performance figures (see the README's Performance section).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Print performance figures: micrograd's demo MLP, a 1e6-node chain, drawing, layout.",
        discussion: """
            Each figure is the median of several runs after a warm-up. With --mlp-weights, \
            instead train the MLP from the initial weights in FILE (as written by \
            bench/micrograd_mlp.py) and print the loss after --epochs epochs.
            """
    )

    @Flag(help: "Print one JSON object with the keys mlp_epoch_s, mlp_nodes, chain_1e6_s, frame_ms_p50, frame_ms_p99, layout_1000_ms.")
    var json = false

    @Option(help: "Timed runs per figure, after one warm-up.")
    var runs = 7

    @Option(name: .customLong("mlp-weights"), help: "A JSON file with the MLP's 337 initial weights (key \"weights\").")
    var mlpWeights: String?

    @Option(help: "Epochs to train with --mlp-weights.")
    var epochs = 10

    @Option(help: "Measure only this workload (mlp, chain, frame, layout, large-layout), e.g. under valgrind --tool=callgrind.")
    var only: Benchmarks.Workload?

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard epochs >= 0 else { throw ValidationError("--epochs must not be negative") }
        if only != nil && json { throw ValidationError("--json reports every figure; it cannot be combined with --only") }
    }

    func run() throws {
        if let mlpWeights {
            let loss = try MLPCheck.loss(weightsFile: mlpWeights, epochs: epochs)
            print("loss after \(epochs) epochs: \(loss)")
            return
        }
        let benchmarks = Benchmarks(runs: runs)
        let figures = try only.map { try benchmarks.measure([$0]) } ?? benchmarks.measure()
        print(json ? try figures.json() : figures.table())
    }
}

extension Benchmarks.Workload: ExpressibleByArgument {}

/// Training the MLP from weights written by another engine, to show it is the same
/// computation.
enum MLPCheck {
    struct WeightsFile: Decodable {
        let weights: [Double]
    }

    static func loss(weightsFile path: String, epochs: Int) throws -> Double {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
        let file: WeightsFile
        do {
            file = try JSONDecoder().decode(WeightsFile.self, from: data)
        } catch {
            throw ValidationError("\(path): expected a JSON object with \"weights\": an array of numbers")
        }
        guard file.weights.count == MoonsMLP.parameterCount else {
            throw ValidationError("\(path): expected \(MoonsMLP.parameterCount) weights, found \(file.weights.count)")
        }
        var mlp = MoonsMLP(weights: file.weights)
        for k in 0..<epochs { mlp.epoch(k) }
        return mlp.currentLoss()
    }
}
