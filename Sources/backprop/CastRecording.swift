import ArgumentParser
import Autograd
import Foundation
import Screen
import Terminal
import Tutor

/// A recording of what the tutor showed, as an asciinema cast (format version 2): a JSON
/// header line (width, height, title), then one JSON array a line — `[time, "o", bytes]`
/// for what the terminal was sent, `[time, "r", "COLSxROWS"]` where the window was resized,
/// `[time, "m", label]` for a marker at each step and each
/// part, labelled like the step ("backward through f = q · z"), so asciinema's player
/// shows chapters and can pause at every step. Lines are handed out as they are made, so
/// a recording cut short (Ctrl-C) is still a valid cast of what came before.
struct CastRecording {
    private var frames = AnsiFrames()
    private var lastPart: Int?
    private var lastPosition: Int?
    private var lastSize: Size?

    struct Header: Encodable {
        var version = 2
        var width: Int
        var height: Int
        /// Seconds since 1970 when the recording began; left out where two runs must be
        /// byte-identical (`render --cast`).
        var timestamp: Int?
        var title: String
        var env: [String: String]
    }

    /// One event line: `[time, code, data]`.
    struct Event: Encodable {
        var time: Double
        var code: String
        var data: String

        func encode(to encoder: Encoder) throws {
            var array = encoder.unkeyedContainer()
            // Microseconds, so times print short and the same on every machine.
            try array.encode((time * 1_000_000).rounded() / 1_000_000)
            try array.encode(code)
            try array.encode(data)
        }
    }

    /// The header line for a screen of `size`.
    static func header(size: Size, title: String, timestamp: Int?) -> String {
        line(Header(width: size.width, height: size.height, timestamp: timestamp, title: title,
                    env: ["TERM": "xterm-256color"]))
    }

    /// The lines for the frame `buffer`, showing `state`, at `time` seconds: its output,
    /// then a marker where a part opened or the step moved (after the output, so a player
    /// pausing at the marker shows the step's screen).
    mutating func record(_ buffer: Buffer, of state: TutorState, at time: Double) -> [String] {
        var lines: [String] = []
        // The window was resized: a player resizes its terminal ("r", COLSxROWS).
        if let lastSize, lastSize != buffer.size {
            lines.append(Self.line(Event(time: time, code: "r", data: "\(buffer.size.width)x\(buffer.size.height)")))
        }
        lastSize = buffer.size
        // A frame the screen already shows sends nothing: no empty event.
        let bytes = frames.encode(buffer)
        if !bytes.isEmpty { lines.append(Self.line(Event(time: time, code: "o", data: bytes))) }
        if state.subject.partCount > 1, state.part != lastPart {
            let title = state.subject.partTitle(state.part).map { ": \($0)" } ?? ""
            lines.append(Self.line(Event(time: time, code: "m", data: "part \(state.part + 1)/\(state.subject.partCount)\(title)")))
        }
        if let step = state.stepper.lastStep, state.stepper.position != lastPosition || state.part != lastPart {
            lines.append(Self.line(Event(time: time, code: "m", data: Self.label(step, of: state, from: lastPosition))))
        }
        lastPart = state.part
        lastPosition = state.stepper.position
        return lines
    }

    /// A step's label ("backward through f = q · z"); a frame that jumped over a whole row
    /// or a chunk of epochs, as autoplay does once training repeats itself, says so
    /// ("row 3 of 4 done", "epoch 40 of 2000").
    static func label(_ step: Step, of state: TutorState, from previous: Int?) -> String {
        let position = state.stepper.position, plan = state.stepper.plan
        guard let previous, position - previous > 1, plan.dataset != nil else { return state.describe(step) }
        let location = plan.location(of: position - 1)
        if plan.training != nil, case .epoch(let epoch) = step { return "epoch \(epoch) of \(plan.epochs)" }
        if let row = location.row, plan.training == nil { return "row \(row + 1) of \(plan.rowsPerEpoch) done" }
        return state.describe(step)
    }

    private static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and arrays of them cannot fail.
        return ((try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "") + "\n"
    }
}

/// A cast being written to a file, line by line.
struct CastFile {
    let path: String
    private let handle: FileHandle
    private(set) var recording = CastRecording()
    /// The first write that failed (a full disk), told once the terminal is restored.
    private(set) var failure: String?

    /// Creates (or empties) the file and writes the header; throws with a message naming
    /// `option` (`--record`, `--cast`) if it cannot be written.
    init(path: String, size: Size, title: String, timestamp: Int?, option: String) throws {
        self.path = path
        guard let handle = Self.open(path, option: option) else { throw ExitCode.failure }
        self.handle = handle
        write([CastRecording.header(size: size, title: title, timestamp: timestamp)])
    }

    /// Creates (or empties) the file, or prints why not (`error: --cast x: no such
    /// directory …`); before a terminal is taken, so the message is seen.
    static func open(_ path: String, option: String) -> FileHandle? {
        var isDirectory: ObjCBool = false
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let reason: String
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            reason = "is a directory; give a file name such as lesson.cast"
        } else if !FileManager.default.fileExists(atPath: directory) {
            reason = "no such directory: \(directory)"
        } else if FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) {
            return handle
        } else {
            reason = "cannot write the file (is the directory writable?)"
        }
        Output.errorLine("error: \(option) \(path): \(reason)")
        return nil
    }

    mutating func record(_ buffer: Buffer, of state: TutorState, at time: Double) {
        write(recording.record(buffer, of: state, at: time))
    }

    private mutating func write(_ lines: [String]) {
        do {
            try handle.write(contentsOf: Data(lines.joined().utf8))
        } catch {
            if failure == nil { failure = "backprop: \(path): the recording stopped: \(error.localizedDescription)" }
        }
    }

    func close() { try? handle.close() }
}
