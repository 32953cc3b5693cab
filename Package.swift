// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "backprop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "backprop", targets: ["backprop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The scalar graph, its passes, the step machine and training. Foundation only.
        .target(name: "Autograd"),
        // The graph language, lesson files and their diagnostics.
        // The bundled lessons are compiled in by SwiftPM: Sources/Lessons/Bundled is a link to
        // lessons/ at the root, each file becomes `PackageResources.NAME_yaml`.
        .target(name: "Lessons", dependencies: ["Autograd", .product(name: "Yams", package: "Yams")],
                exclude: ["Bundled/README.md"], resources: [.embedInCode("Bundled")]),
        // Cells, buffers, widgets and layout: a screen as a plain value.
        .target(name: "Screen"),
        // The app as Model / Update / View.
        .target(name: "Tutor", dependencies: ["Autograd", "Lessons", "Screen"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        // The only code that talks to ncurses.
        .target(name: "Terminal", dependencies: ["Screen", "CNcursesw"]),
        // What is kept of a user between sessions: the progress file and the settings file.
        .target(name: "Records", dependencies: ["Lessons", "Screen", "Tutor", .product(name: "Yams", package: "Yams")]),
        // The workloads and timing of `backprop bench`.
        .target(name: "Bench", dependencies: ["Autograd", "Lessons", "Screen", "Tutor"]),
        .executableTarget(
            name: "backprop",
            dependencies: [
                "Autograd", "Lessons", "Screen", "Tutor", "Terminal", "Bench", "Records",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Autograd"]),
        .testTarget(name: "ScreenTests", dependencies: ["Screen"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Screen"]),
        .testTarget(name: "TutorTests", dependencies: ["Tutor", "Screen", "Lessons", "Autograd"]),
        .testTarget(name: "RecordsTests", dependencies: ["Records", "Tutor", "Lessons", "Screen"]),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "Autograd", "Screen"]),
        .testTarget(name: "EndToEndTests", dependencies: ["backprop"]),
        // A seeded fuzz campaign over graph and lesson files, bounded to about a minute.
        .testTarget(name: "FuzzTests", dependencies: ["Autograd", "Lessons", "Screen", "Tutor"]),
    ],
    swiftLanguageModes: [.v6]
)
