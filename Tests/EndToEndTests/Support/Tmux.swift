import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private tmux server running the real `backprop` in a detached session, for driving
/// the interactive screen: keys go in with `send-keys`, the screen comes out with
/// `capture-pane`, and every wait polls for content with a deadline (no fixed sleeps).
///
/// The program runs under a small shell that survives Ctrl-C (`trap : INT`) and then
/// writes the exit status and the terminal modes that matter (`isig icanon echo`, or
/// `-icanon -echo` when left raw) to files, so a test sees how the program ended and
/// whether it restored the terminal. tmux is required: without it the tests fail.
struct TmuxSession {
    let directory: URL
    let socket: String
    let tmux: String

    /// Seconds to wait for content before failing (generous: CI machines are slow).
    static let deadline: TimeInterval = 20

    static func tmuxPath() throws -> String {
        let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        return try #require(path, "tmux is required for the end-to-end screen tests (CI installs it)")
    }

    /// Starts `backprop ARGUMENTS` at `width`×`height` with `environment` added to a UTF-8 locale.
    init(_ arguments: [String], width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        let binary = try BackpropBinary.url().path
        try self.init(shell: ([binary] + arguments).map(Self.quote).joined(separator: " "),
                      width: width, height: height, environment: environment)
    }

    /// Starts the shell command `command` (e.g. replaying a recording with `cat`) the same way.
    init(shell command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        tmux = try Self.tmuxPath()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socket = directory.appendingPathComponent("sock").path
        let script = """
            trap : INT
            cd \(Self.quote(BackpropBinary.packageRoot.path))
            \(command)
            echo "$?" > \(Self.quote(directory.appendingPathComponent("status").path))
            stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(isig|icanon|echo)$' | tr '\\n' ' ' > \(Self.quote(directory.appendingPathComponent("modes").path))
            touch \(Self.quote(directory.appendingPathComponent("done").path))
            """
        let scriptURL = directory.appendingPathComponent("run.sh")
        try Data(script.utf8).write(to: scriptURL)
        // Progress and settings live in the session's own directory: never the user's.
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "screen",
                   "XDG_STATE_HOME": directory.appendingPathComponent("state").path,
                   "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path]
        env.merge(environment) { _, new in new }
        var args = ["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
        args += ["sh " + Self.quote(scriptURL.path), ";", "set-option", "-g", "remain-on-exit", "on"]
        try run(args)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux command on this server and returns its stdout.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let out = directory.appendingPathComponent("tmux-out")
        let status = try spawnAndWait(tmux, ["-S", socket, "-f", "/dev/null"] + arguments, stdout: out.path)
        defer { try? FileManager.default.removeItem(at: out) }
        guard status == 0 else {
            throw RunnerError("tmux \(arguments.joined(separator: " ")) failed with status \(status)")
        }
        return String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self)
    }

    /// The screen as text (with `escapes`, colours and attributes as SGR sequences).
    func screen(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", "t"] + (escapes ? ["-e"] : []))
    }

    /// Waits until the screen satisfies `condition` and has stopped changing (two captures
    /// 50 ms apart agree, so a frame caught half drawn is not taken); returns that screen,
    /// or fails with the last one.
    @discardableResult
    func wait(for what: String, escapes: Bool = false, _ condition: (String) -> Bool) throws -> String {
        let end = Date().addingTimeInterval(Self.deadline)
        var last = ""
        var previous: String? = nil
        while Date() < end {
            last = try screen(escapes: escapes)
            if condition(last) {
                if last == previous { return last }
                previous = last
            } else {
                previous = nil
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)")
        throw RunnerError("timed out waiting for \(what)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func wait(for text: String) throws -> String {
        try wait(for: "'\(text)'") { $0.contains(text) }
    }

    /// Sends tmux key names (`Right`, `C-c`, `q`).
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", "t"] + keys)
    }

    /// Resizes the window.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits for the wrapper's report after the program ended: its exit status and the
    /// terminal modes afterwards (written to files, not the screen, which the program's
    /// last frame may still share).
    func ending() throws -> (status: Int, modes: String) {
        let done = directory.appendingPathComponent("done")
        let end = Date().addingTimeInterval(Self.deadline)
        while !FileManager.default.fileExists(atPath: done.path) {
            guard Date() < end else {
                Issue.record("the program did not end; the screen was:\n\((try? screen()) ?? "")")
                throw RunnerError("the program did not end")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        func read(_ name: String) throws -> String {
            String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let status = try #require(Int(try read("status")))
        return (status, try read("modes"))
    }

    /// Stops the server and removes the files.
    func stop() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Runs `path` with `arguments` (stdin and stderr at /dev/null, stdout into the file at
/// `stdout`) and waits for it with `waitpid`. Not `Process`: its `waitUntilExit` can miss
/// the exit of tmux's client, whose server lives on, and hang the test.
func spawnAndWait(_ path: String, _ arguments: [String], stdout: String) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    // A fixed environment: the tmux server passes its own to every pane, and the test
    // runner's (NO_COLOR, TERM, locale …) must not leak into the program under test.
    let inherited = ProcessInfo.processInfo.environment
    let environment = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/tmp",
                       "LANG": "C.UTF-8", "TERM": "xterm"]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in envp { free(pointer) } }
    // The test runs on a thread that blocks signals; without this, tmux, the shell and
    // the program would inherit the blocked mask and ignore the SIGHUP of kill-server.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid = pid_t()
    let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw RunnerError("cannot start \(path): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
        guard errno == EINTR else { throw RunnerError("waitpid failed for \(path): errno \(errno)") }
    }
    // WIFEXITED / WEXITSTATUS are macros: the low 7 bits are the signal, the next 8 the status.
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
}
