import Foundation

/// How a long simulation keeps glibc's malloc from holding memory it no longer uses. Neither `mallopt`
/// nor `malloc_trim` is in Swift's Glibc module, so they are looked up by name; where they are missing
/// (not glibc) nothing changes.
enum MallocTuning {
    /// One arena for the process: only one round runs at a time, and with an arena per thread glibc
    /// kept each round's freed memory to itself (a national demo of 5,000 applicants peaked at 170 MiB
    /// instead of 93 MiB, in the same time). The engine's thread, the document readers and the
    /// validation ahead do queue on its lock (`perf` of a season of 5,000: 1.3 s of the time in which
    /// no round ran); three arenas made a season of 20,000 some 10% faster (39.9 and 35.1 s against
    /// 44.0 and 41.3 s, interleaved) but one of 200,000 peaked at 311 MiB (two arenas: 336 MiB; both
    /// runs beside a build) where one arena stays under its 300 (262 MiB, bench/RESULTS.md).
    static func oneArena() {
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        if let mallopt = function("mallopt", as: MallOpt.self) { _ = mallopt(arenaMax, 1) }
    }

    /// Gives the pages of freed chunks back to the system. glibc returns only the top of its heap by
    /// itself; a season of 200,000 applicants ended with 280 MB free inside the heap (`malloc_info`)
    /// beside 65 MB in use, all of it counted as the process's memory.
    static func returnFreePages() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let trim = function("malloc_trim", as: MallocTrim.self) { _ = trim(0) }
    }

    private static func function<F>(_ name: String, as type: F.Type) -> F? {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
        #else
        return nil
        #endif
    }
}
