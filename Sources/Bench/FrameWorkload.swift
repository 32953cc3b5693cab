import Autograd
import Foundation
import Lessons
import Screen
import Tutor

/// The frame figure: every step of the xor lesson drawn at 100×30 by the Tutor's
/// `view(state)`, the same code the interactive tutor and `backprop render` use.
///
/// A part's first frame includes opening it (`TutorState.init`, which lays out the graph;
/// the Tutor keeps that layout while the part is open); every later frame is the `next` key
/// (`update`) and `view` into a Buffer: panes, graph, inspector, narration, status, hints.
public struct FrameWorkload: Sendable {
    public let lesson: Lesson
    public let screen: Size
    /// At most this many steps of each part (a training part can have many thousands).
    public let stepsPerPart: Int

    public init(lessonFile path: String, screen: Size = Size(width: 100, height: 30), stepsPerPart: Int = 500) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BenchError.missingLesson(path)
        }
        let (lesson, diagnostics) = LessonLoader.load(text: text, file: path)
        guard let lesson else { throw BenchError.badLesson(path, diagnostics.map(\.description)) }
        self.lesson = lesson
        self.screen = screen
        self.stepsPerPart = stepsPerPart
    }

    /// `lessons/xor.yaml` in the working directory, else in the source tree this was built
    /// from.
    public static func xor(stepsPerPart: Int = 500) throws -> FrameWorkload {
        let local = "lessons/xor.yaml"
        if FileManager.default.fileExists(atPath: local) {
            return try FrameWorkload(lessonFile: local, stepsPerPart: stepsPerPart)
        }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try FrameWorkload(lessonFile: repository.appendingPathComponent(local).path, stepsPerPart: stepsPerPart)
    }

    /// Wall-clock and thread CPU seconds of each frame.
    public struct Samples: Sendable {
        public var wall: [Double] = []
        public var cpu: [Double] = []
    }

    /// The seconds each frame took: the opening of each part and then every step.
    public func frameSeconds() throws -> Samples {
        let clock = ContinuousClock()
        var samples = Samples()
        for part in lesson.parts.indices {
            var state: TutorState?
            var frame: Buffer?
            func timed(_ body: () throws -> Void) rethrows {
                let cpuStart = Timing.threadCPUSeconds()
                samples.wall.append(try clock.measure(body).seconds)
                samples.cpu.append(Timing.threadCPUSeconds() - cpuStart)
                precondition(frame?.size == screen)
            }
            try timed {
                let opened = try opening(part: part)
                frame = view(opened)
                state = opened
            }
            guard var current = state else { continue }
            for _ in 0..<min(current.stepper.count, stepsPerPart) {
                timed {
                    current = update(current, .next)
                    frame = view(current)
                }
            }
        }
        return samples
    }

    /// The first frame of `part`, as the tutor shows it when the part opens.
    public func openingFrame(part: Int) throws -> Buffer {
        view(try opening(part: part))
    }

    /// The tutor's state as `part` opens: the one place the workload's subject, theme and
    /// screen size are chosen, for the timed frames and the test's first frame alike.
    private func opening(part: Int) throws -> TutorState {
        try TutorState(subject: .lesson(lesson), part: part, theme: .colored(), size: screen)
    }
}
