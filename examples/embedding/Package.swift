// swift-tools-version:6.0
import PackageDescription

// Seleksi used as a library by another Swift program: `core-only` links the pure core alone (values,
// expressions, forms, the transition function); `embedded-engine` runs a small process from XML through
// the engine and its SQLite store. Built and run by scripts/build-example.sh.
let package = Package(
    name: "SeleksiEmbedding",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Seleksi", path: "../..")],
    targets: [
        .executableTarget(name: "core-only", dependencies: [.product(name: "SeleksiCore", package: "Seleksi")]),
        .executableTarget(name: "embedded-engine", dependencies: [.product(name: "SeleksiEngine", package: "Seleksi")]),
    ]
)
