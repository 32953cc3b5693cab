import Foundation

/// What a run of the `backprop` binary produced.
struct ProcessResult: Sendable, Equatable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Where the built `backprop` executable is: `swift test` builds it into the same folder
/// as the test bundle.
enum BackpropBinary {
    static func url() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("backprop") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw RunnerError("the backprop binary is not next to the tests; looked at \(candidates.map(\.path))")
        }
        return found
    }

    /// The package root, for paths such as `examples/chain-rule.graph`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

struct RunnerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `backprop` with `arguments` in `directory` (by default the package root) and waits for it. Output goes
/// through temporary files rather than pipes, so a large output cannot fill a pipe and
/// block the child while we wait. `environment` is added to a minimal environment
/// (PATH, HOME, LANG=C.UTF-8, COLUMNS=80, and XDG_STATE_HOME and XDG_CONFIG_HOME in a
/// fresh temporary directory, so progress and settings are never the user's) so results
/// do not depend on the caller's.
func runBackprop(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    in directory: URL = BackpropBinary.packageRoot
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = try BackpropBinary.url()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-state-\(UUID().uuidString)")
    var base = ["LANG": "C.UTF-8", "COLUMNS": "80", "XDG_STATE_HOME": state.path,
                "XDG_CONFIG_HOME": state.appendingPathComponent("config").path]
    for key in ["PATH", "HOME"] { base[key] = ProcessInfo.processInfo.environment[key] }
    process.environment = base.merging(environment) { _, new in new }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout")
    let errURL = folder.appendingPathComponent("stderr")
    let inURL = folder.appendingPathComponent("stdin")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    try Data((stdin ?? "").utf8).write(to: inURL)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let input = try FileHandle(forReadingFrom: inURL)
    defer {
        try? out.close()
        try? err.close()
        try? input.close()
    }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// Writes `text` to a fresh temporary file named `name` and returns its path.
func temporaryFile(named name: String, _ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-files-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}
