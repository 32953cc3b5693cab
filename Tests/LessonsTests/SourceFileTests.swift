import Foundation
import Testing
@testable import Lessons

@Suite struct SourceFileTests {
    @Test func invalidUTF8PointsAtTheByte() {
        let bytes: [UInt8] = Array("x = 1\nξ = 2 ".utf8) + [0xFF] + Array(" 3\n".utf8)
        let result = SourceFile.decode(bytes, file: "a.graph")
        #expect(result.failureDescription == "a.graph:2:7: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8")
    }

    @Test func truncatedSequence() {
        let bytes: [UInt8] = Array("x = 1 # ".utf8) + [0xCE]
        #expect(SourceFile.decode(bytes, file: "a.graph").failureDescription
            == "a.graph:1:9: error: invalid UTF-8 (byte 0xCE); save the file as UTF-8")
    }

    @Test func byteOrderMarkIsDropped() throws {
        let result = SourceFile.decode([0xEF, 0xBB, 0xBF] + Array("x = 1".utf8), file: "a.graph")
        #expect(try result.get() == "x = 1")
    }

    @Test func missingFileAndDirectory() {
        #expect(SourceFile.read(path: "/nonexistent/f.graph").failureDescription == "/nonexistent/f.graph: error: no such file")
        #expect(SourceFile.read(path: "/tmp").failureDescription == "/tmp: error: is a directory, not a file")
        let (program, diagnostics) = GraphSource.load(path: "/nonexistent/f.graph")
        #expect(program == nil)
        #expect(diagnostics.map(\.description) == ["/nonexistent/f.graph: error: no such file"])
    }

    /// /dev/null was "cannot read the file (permission denied?)", and /dev/zero never ends.
    @Test(arguments: ["/dev/null", "/dev/zero", "/dev/urandom"])
    func devicesAreNoSourceFiles(_ path: String) {
        #expect(SourceFile.read(path: path).failureDescription
            == "\(path): error: is not a regular file (a device, a pipe or a socket); give a graph or lesson file")
    }

    /// A graph file with CR-only line endings (old Mac) read as "empty"; CR LF and CR now
    /// read as LF.
    @Test func everyLineEndingReadsAlike() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["x = -2", "y = 5", "f = x * y"].joined(separator: ending) + ending
            let decoded = try SourceFile.decode(Array(text.utf8), file: "a.graph").get()
            #expect(decoded == "x = -2\ny = 5\nf = x * y\n")
            let (program, diagnostics) = GraphParser.parse(decoded, file: "a.graph")
            #expect(diagnostics.isEmpty && program?.graph.count == 3)
        }
    }

    @Test func invalidUTF8FromDisk() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).graph").path
        // A comment with a Latin-1 "é" (0xE9), which is not valid UTF-8.
        try Data(Array("x = 1\n# caf".utf8) + [0xE9] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (program, diagnostics) = GraphSource.load(path: path)
        #expect(program == nil)
        #expect(diagnostics.map(\.description) == ["\(path):2:6: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8"])
    }

    @Test func readsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sourcefile-\(UUID().uuidString).graph").path
        try Data("η = 0.5\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (program, diagnostics) = GraphSource.load(path: path)
        #expect(diagnostics == [])
        #expect(program?.graph.names == ["η"])
    }
}

extension Result where Failure == Diagnostic {
    var failureDescription: String? {
        if case .failure(let diagnostic) = self { return diagnostic.description }
        return nil
    }
}
