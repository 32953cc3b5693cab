import Foundation

/// backprop's directory under one of the XDG base directories: `$VARIABLE/backprop`, or
/// `~/FALLBACK/backprop` when the variable is unset, empty or relative (the specification
/// says a relative path is to be ignored).
enum BaseDirectory {
    static func backprop(_ variable: String, fallback: String, environment: [String: String]) -> URL {
        if let base = environment[variable], base.hasPrefix("/") {
            return URL(fileURLWithPath: base).appendingPathComponent("backprop")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(fallback).appendingPathComponent("backprop")
    }
}
