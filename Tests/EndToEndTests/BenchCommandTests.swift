import Foundation
import Testing

@Suite struct BenchCommandTests {
    /// micrograd's initial weights (the script's own output file) trained 10 epochs by the
    /// binary reach micrograd's loss.
    @Test func mlpWeightsGiveMicrogradsLoss() throws {
        let fixture = BackpropBinary.packageRoot.appendingPathComponent("bench/micrograd_fixture.json").path
        let result = try runBackprop(["bench", "--mlp-weights", fixture])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("loss after 10 epochs: "))
        let loss = Double(result.stdout.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fixture))) as? [String: Any]
        let micrograd = try #require(written?["loss_after_10"] as? Double)
        #expect(abs((loss ?? 0) - micrograd) / micrograd < 1e-12)
    }

    @Test func wrongWeightCountIsAClearError() throws {
        let file = try temporaryFile(named: "w.json", #"{"weights": [1, 2, 3]}"#)
        let result = try runBackprop(["bench", "--mlp-weights", file])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("expected 337 weights, found 3"))
    }

    @Test func missingWeightsFileIsAClearError() throws {
        let result = try runBackprop(["bench", "--mlp-weights", "/nonexistent/w.json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot read /nonexistent/w.json"))
    }

    @Test func onlyCannotBeCombinedWithJSON() throws {
        let result = try runBackprop(["bench", "--only", "mlp", "--json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--json reports every figure"))
    }
}
