import Foundation

/// Reading a source file from disk: its text, or a diagnostic saying why there is none.
public enum SourceFile {
    /// The file's text, strictly UTF-8 (a leading byte-order mark is dropped). A missing,
    /// unreadable or non-UTF-8 file gives an error diagnostic; for invalid UTF-8 it points
    /// at the line and column of the first bad byte.
    public static func read(path: String) -> Result<String, Diagnostic> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.error(file: path, at: .wholeFile, "no such file"))
        }
        if isDirectory.boolValue {
            return .failure(.error(file: path, at: .wholeFile, "is a directory, not a file"))
        }
        // A device or a pipe (/dev/null, /dev/zero, /dev/urandom) is no source file, and
        // some never end: say so rather than read.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let type = (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
        if let type, type != .typeRegular {
            return .failure(.error(file: path, at: .wholeFile, "is not a regular file (a device, a pipe or a socket); give a graph or lesson file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error(file: path, at: .wholeFile, "cannot read the file (permission denied?)"))
        }
        return decode(Array(data), file: path)
    }

    /// Validates and decodes UTF-8 bytes.
    public static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return .success(lineFeeds(text)) }
        let (offset, badByte) = firstInvalidByte(in: body)
        return .failure(.error(
            file: file, at: location(of: offset, in: body),
            "invalid UTF-8 (byte 0x\(String(badByte, radix: 16, uppercase: true))); save the file as UTF-8"))
    }

    /// CR LF and a lone CR (old Mac files) as LF, so every line ending reads alike.
    static func lineFeeds(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The index and value of the first byte that does not start a valid UTF-8 sequence.
    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> (Int, UInt8) {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return (offset, 0)
            case .error: return (offset, bytes[offset])
            }
        }
    }

    /// The line and Character column of byte `offset`; everything before it is valid.
    private static func location(of offset: Int, in bytes: ArraySlice<UInt8>) -> SourceLocation {
        let prefix = bytes[bytes.startIndex..<offset]
        let lineStart = (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? bytes.startIndex
        let line = prefix.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return SourceLocation(line: line, column: column)
    }
}
