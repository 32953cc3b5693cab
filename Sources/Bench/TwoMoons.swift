import Foundation

/// The 100-point two-moons data set of micrograd's demo, from closed-form formulas instead
/// of a random generator so that every language computes the same points.
public enum TwoMoons {
    /// One labelled point: `label` is +1 for the upper moon and −1 for the lower one.
    public struct Point: Sendable, Equatable {
        public let x: Double
        public let y: Double
        public let label: Double
    }

    /// For i in 0..<100: t = π·(i mod 50)/49, jitter 0.05·sin(12.9898·(i+1)) and
    /// 0.05·sin(78.233·(i+1)); the first 50 points on the upper half circle (label +1), the
    /// rest on the lower one shifted by (1, 0.5) (label −1).
    public static let points: [Point] = (0..<100).map { i in
        let t = Double.pi * Double(i % 50) / 49
        let jx = 0.05 * sin(12.9898 * Double(i + 1))
        let jy = 0.05 * sin(78.233 * Double(i + 1))
        return i < 50
            ? Point(x: cos(t) + jx, y: sin(t) + jy, label: 1)
            : Point(x: 1 - cos(t) + jx, y: 0.5 - sin(t) + jy, label: -1)
    }
}
