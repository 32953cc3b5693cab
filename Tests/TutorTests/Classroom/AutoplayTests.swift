import Autograd
import Testing
@testable import Tutor

@Suite struct AutoplayTests {
    @Test func advancesOncePerInterval() {
        var play = Autoplay(interval: 2, now: 10)
        #expect(!advance(&play, 11.9, false))
        #expect(advance(&play, 12, false))
        #expect(!advance(&play, 13, false))
        #expect(advance(&play, 14.1, false))
        // The rhythm is kept: the next one is due at 16, not 16.1.
        #expect(play.due == 16)
    }

    @Test func aLongStallGivesOneStepNotABurst() {
        var play = Autoplay(interval: 1, now: 0)
        #expect(advance(&play, 10, false))
        #expect(!advance(&play, 10.5, false))
        #expect(play.due == 11)
    }

    @Test func pauseAndResume() {
        var play = Autoplay(interval: 1, now: 0)
        play.togglePause(now: 0.5)
        #expect(play.isPaused)
        #expect(!advance(&play, 5, false))
        #expect(play.timeout(now: 5) == nil)
        #expect(play.label() == "⏸ paused (every 1 s)")
        play.togglePause(now: 5)
        #expect(!advance(&play, 5.5, false))
        #expect(advance(&play, 6, false))
    }

    @Test func speedMovesAlongTheLadder() {
        var play = Autoplay(interval: 2, now: 0)
        play.faster(now: 0)
        #expect(play.interval == 1)
        play.faster(now: 0)
        play.faster(now: 0)
        play.faster(now: 0)
        #expect(play.interval == 0.1)
        play.faster(now: 0)
        #expect(play.interval == 0.1)
        play.slower(now: 0)
        #expect(play.interval == 0.2)
        // An interval between two rungs goes to the neighbouring rung.
        var odd = Autoplay(interval: 2.5, now: 0)
        odd.slower(now: 7)
        #expect(odd.interval == 3)
        #expect(odd.due == 10)
        var odd2 = Autoplay(interval: 2.5, now: 0)
        odd2.faster(now: 0)
        #expect(odd2.interval == 2)
        #expect(odd2.label() == "▶ every 2 s")
        var slowest = Autoplay(interval: 30, now: 0)
        slowest.slower(now: 0)
        #expect(slowest.interval == 30)
    }

    @Test func stopsAtTheEndAndWaits() {
        var play = Autoplay(interval: 0.2, now: 0)
        #expect(!advance(&play, 0.2, true))
        #expect(play.isWaitingAtEnd)
        #expect(play.label(unicode: false) == "[] stopped")
        #expect(!advance(&play, 5, true))
        // After a step back it carries on by itself.
        #expect(!advance(&play, 5.1, false))  // it looks again one interval later
        #expect(advance(&play, 5.2, false))
        #expect(!play.isWaitingAtEnd)
    }

    @Test func aManualStepRestartsTheTimer() {
        var play = Autoplay(interval: 2, now: 0)
        play.restartTimer(now: 1.5)
        #expect(!advance(&play, 2, false))
        #expect(advance(&play, 3.5, false))
    }

    @Test func intervalIsClamped() {
        #expect(Autoplay(interval: 0, now: 0).interval == 0.05)
    }
}

/// One poll, as a value `#expect` can take (it cannot call a mutating method).
func advance(_ play: inout Autoplay, _ now: Double, _ atEnd: Bool) -> Bool {
    play.poll(now: now, atEnd: atEnd)
}

/// Data without training: autoplay (and `render --all`) steps a truth table row by row,
/// but many rows about forty rows' ends at a time (10,000 rows printed 53 MB).
@Suite struct RowPacingTests {
    func stepper(rows: Int) throws -> Stepper {
        let g = try graph("x = 0\nf = x * 2")
        let data = try Dataset(inputs: ["x"], targets: [], rows: (0..<rows).map { [Double($0)] }, for: g)
        return try Stepper(graph: g, dataset: data)
    }

    @Test func fourRowsAreShownOneByOne() throws {
        var s = try stepper(rows: 4)
        s.go(to: s.plan.stepsPerPass)
        #expect(TrainingTrack.rowsPerTick(s) == 1)
        #expect(TrainingTrack.autoplayTarget(s) == 2 * s.plan.stepsPerPass)
    }

    @Test func manyRowsAreShownAboutFortyTimes() throws {
        var s = try stepper(rows: 4000)
        #expect(TrainingTrack.rowsPerTick(s) == 100)
        s.go(to: s.plan.stepsPerPass)  // the first row, step by step
        var ticks = 0
        while !s.isAtEnd {
            s.go(to: TrainingTrack.autoplayTarget(s))
            ticks += 1
        }
        #expect(ticks == 41)  // 40 blocks of 100 rows, then the epoch's end
    }
}
