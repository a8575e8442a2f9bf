// swift-tools-version:6.0
import PackageDescription

// The direction of imports is the architecture:
//   SeleksiCore (pure)  <-  SeleksiXML (libxml2)  <-  SeleksiEngine (use cases)  <-  seleksi (CLI)
//                       <-  SeleksiStore (SQLite) <-/
// SeleksiCore imports no I/O: no files, no database, no clock.
let package = Package(
    name: "Seleksi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "seleksi", targets: ["seleksi"]),
        .executable(name: "seleksi-bench", targets: ["seleksi-bench"]),
        // The engine as a library (examples/embedding shows both): the pure core alone, or the engine with XML and SQLite.
        .library(name: "SeleksiCore", targets: ["SeleksiCore"]),
        .library(name: "SeleksiEngine", targets: ["SeleksiEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        // Markdown to HTML for documents: cmark-gfm, the CommonMark reference parser GitHub uses, with its
        // pipe-table extension (a contract renders in well under a millisecond; the Swift parser before it
        // was a fifth of the national demo's time).
        .systemLibrary(
            name: "CCMark", path: "Sources/CCMark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // libm (floor, ceil, round, trunc behind Double's rounding) is linked by SeleksiCore itself: on Linux it
        // was otherwise pulled in only through Foundation, and a package that depended on the core alone
        // could fail to link with "undefined reference to 'floor'" (examples/embedding builds such a package).
        .target(name: "SeleksiCore", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(name: "SeleksiXML", dependencies: ["SeleksiCore", "CLibXML2"]),
        .target(
            name: "SeleksiStore",
            dependencies: ["SeleksiCore", "CSQLite", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "SeleksiEngine",
            dependencies: [
                "SeleksiCore", "SeleksiXML", "SeleksiStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]),
        // Documents (decrees, minutes, contracts) rendered from instance state: Mustache templates in
        // templates/, Markdown to print-ready HTML.
        .target(
            name: "SeleksiDocuments",
            dependencies: ["SeleksiEngine", "SeleksiStore", .product(name: "Mustache", package: "swift-mustache"), "CCMark"]),
        // A simulation that drives the shipped Tutor Bantu workflows with synthetic people. It knows the
        // workflow's event names; the engine does not.
        .target(name: "SeleksiDemo", dependencies: ["SeleksiEngine", "SeleksiStore", "SeleksiDocuments"]),
        .executableTarget(
            name: "seleksi",
            dependencies: [
                "SeleksiEngine", "SeleksiStore", "SeleksiDemo", "SeleksiDocuments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "seleksi-bench", dependencies: ["SeleksiEngine", "SeleksiStore"], path: "bench/Sources/seleksi-bench"),
        .testTarget(name: "SeleksiCoreTests", dependencies: ["SeleksiCore"]),
        .testTarget(name: "SeleksiEngineTests", dependencies: ["SeleksiEngine", "SeleksiStore", "SeleksiDemo", "SeleksiDocuments"]),
        // Runs the built `seleksi` binary as a user would: arguments, standard input, exit codes.
        // SeleksiStore: to edit a database as someone with the file would, between two commands.
        .testTarget(name: "SeleksiCLITests", dependencies: ["seleksi", "SeleksiStore"]),
    ]
)
