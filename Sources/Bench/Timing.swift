import Foundation

/// Wall-clock timing for the benchmarks: each figure is the median of several runs after
/// one warm-up run, which keeps a noisy shared machine from deciding the number.
public enum Timing {
    /// The seconds `body` takes, one value per run, after `warmUp` untimed runs.
    public static func seconds(runs: Int, warmUp: Int = 1, _ body: () -> Void) -> [Double] {
        let clock = ContinuousClock()
        for _ in 0..<warmUp { body() }
        return (0..<runs).map { _ in clock.measure(body).seconds }
    }

    /// The CPU time the calling thread has used, in seconds: unlike the wall clock it does
    /// not count time the scheduler gave to other processes, which on a loaded machine is
    /// what decides a high percentile.
    public static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }

    /// The value at quantile `q` (0…1) of `samples`, by the nearest-rank method; NaN when
    /// there are none.
    public static func quantile(_ q: Double, of samples: [Double]) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// The median of `samples` (the mean of the middle two for an even count).
    public static func median(_ samples: [Double]) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
