import Foundation

/// How a long simulation keeps glibc's malloc from holding memory it no longer uses. Neither `mallopt`
/// nor `malloc_trim` is in Swift's Glibc module, so they are looked up by name; where they are missing
/// (not glibc) nothing changes.
enum MallocTuning {
    /// One arena for the process: only one round runs at a time, and with an arena per thread glibc
    /// kept each round's freed memory to itself (a national demo of 5,000 applicants peaked at 170 MiB
    /// instead of 93 MiB, in the same time).
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
