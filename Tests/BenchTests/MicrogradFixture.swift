import Foundation

/// What micrograd 0.1.0 computed on the demo workload, to check that ours is the same
/// computation: `bench/micrograd_fixture.json`, written by
/// `bench/micrograd_mlp.py --weights-out bench/micrograd_fixture.json` (random.seed(1337)).
struct MicrogradFixture: Decodable {
    /// `MLP(2, [16, 16, 1]).parameters()` right after construction.
    let weights: [Double]
    /// The loss at the start of epochs 0…10; the last one is the loss after 10 epochs.
    let losses: [Double]

    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bench/micrograd_fixture.json")

    static func load() throws -> MicrogradFixture {
        try JSONDecoder().decode(MicrogradFixture.self, from: Data(contentsOf: path))
    }
}
