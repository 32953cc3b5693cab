import Foundation
import Autograd
import Testing
@testable import Lessons

@Suite struct NumberFormatTests {
    @Test func shortForms() {
        #expect(NumberFormat.short(0.7310585786300049) == "0.7311")
        #expect(NumberFormat.short(-0.19661193324148185) == "-0.1966")
        #expect(NumberFormat.short(-12) == "-12")
        #expect(NumberFormat.short(2.5) == "2.5")
        #expect(NumberFormat.short(-0.00001) == "-1e-05")
        #expect(NumberFormat.short(-0.00004) == "-4e-05")
        #expect(NumberFormat.short(1.00004) == "1")
        #expect(NumberFormat.short(.nan) == "nan")
        #expect(NumberFormat.short(-.infinity) == "-inf")
    }

    /// The fast fixed-point path agrees with C's printf on many values, ties included.
    @Test func fastPathMatchesPrintf() {
        var random = SplitMix64(seed: 42)
        var values: [Double] = [0.00015, 0.00025, 1.00005, 2.50005, -0.12345, 0.99995, 9_999_999.99995]
        for _ in 0..<20_000 {
            let magnitude = Foundation.pow(10, Double.random(in: -4...6.9, using: &random))
            values.append(Bool.random(using: &random) ? magnitude : -magnitude)
        }
        for value in values where value != value.rounded() {
            var expected = String(format: "%.4f", value)
            while expected.hasSuffix("0") { expected.removeLast() }
            if expected.hasSuffix(".") { expected.removeLast() }
            if expected == "-0" { expected = "0" }
            #expect(NumberFormat.short(value) == expected, "\(value)")
        }
    }

    @Test func exactRoundTrips() {
        #expect(NumberFormat.exact(-2) == "-2")
        #expect(NumberFormat.exact(0.1) == "0.1")
        #expect(NumberFormat.exact(1e300) == "1e+300")
        #expect(NumberFormat.exact(.infinity) == "inf")
    }
}
