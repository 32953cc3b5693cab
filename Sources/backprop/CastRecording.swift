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
        lines.append(Self.line(Event(time: time, code: "o", data: frames.encode(buffer))))
        if state.subject.partCount > 1, state.part != lastPart {
            let title = state.subject.partTitle(state.part).map { ": \($0)" } ?? ""
            lines.append(Self.line(Event(time: time, code: "m", data: "part \(state.part + 1)/\(state.subject.partCount)\(title)")))
        }
        if let step = state.stepper.lastStep, state.stepper.position != lastPosition || state.part != lastPart {
            lines.append(Self.line(Event(time: time, code: "m", data: state.describe(step))))
        }
        lastPart = state.part
        lastPosition = state.stepper.position
        return lines
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

    /// Creates (or empties) the file and writes the header; throws with a message if it
    /// cannot be written.
    init(path: String, size: Size, title: String, timestamp: Int?) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw Launch.failure("error: --record \(path): cannot write the file")
        }
        self.handle = handle
        write([CastRecording.header(size: size, title: title, timestamp: timestamp)])
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
