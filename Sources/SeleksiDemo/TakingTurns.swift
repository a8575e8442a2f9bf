import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs several rounds on one engine, one at a time, each handing over to the next whenever its clock
/// moves on (a round is a script with the clock advanced between steps, see `TutorBantuDemo.advance`).
///
/// Why: the rounds of one season follow one calendar, and they share one audit log whose clock may
/// never go back. Run one after another, the second round would begin dated before the first one
/// ended. Taking turns at each move of the clock, every round does its step of day D before any
/// round goes on to day D+1, so the log stays in order and each round runs unchanged. The baton goes to
/// the running round whose clock is earliest (the next in order among equals): rounds whose scripts
/// move the clock by different steps (the work phase jumps to the dates of its events) still write the
/// log in time order, since a round acts only while no other round's clock is behind its own.
///
/// Exactly one round runs at any moment (a baton passed under a lock), so the engine, which is not
/// thread-safe, is never used by two threads at once. The order is fixed, so a run is deterministic.
///
/// Each round waits on a semaphore of its own, signalled once for each turn it is given: with one
/// condition broadcast at every handover, all 29 rounds of a national season woke to queue on its
/// lock, and the one called waited its place among them.
final class TakingTurns: @unchecked Sendable {
    /// Guards the state below; `run` waits on it for the rounds to finish.
    private let condition = NSCondition()
    private let turnGiven: [DispatchSemaphore]
    private var running: [Bool]
    /// Each round's clock (seconds) as it last handed over; all start together.
    private var clocks: [Int64]
    private var finished = 0
    /// When the free heap pages were last given back (touched only by the round holding the baton).
    private var lastTrim = 0.0
    private(set) var failure: Error?
    /// Called, under the baton, when round `index` starts a turn.
    var onTurn: ((_ index: Int) -> Void)?

    init(count: Int) {
        running = Array(repeating: true, count: count)
        clocks = Array(repeating: 0, count: count)
        // Each made at 0: libdispatch traps when a semaphore is freed below the value it was made with.
        turnGiven = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    /// Runs `rounds[i]` on thread i, in turns; returns when all have finished, or the first error.
    func run(_ rounds: [() throws -> Void]) throws {
        MallocTuning.oneArena()
        turnGiven.first?.signal()  // the first round holds the baton from the start
        for (i, round) in rounds.enumerated() {
            // Safe to send: the baton guarantees that only this thread ever calls it.
            nonisolated(unsafe) let body = round
            let thread = Thread { [self] in
                waitForTurn(i)
                do { try body() } catch { fail(error) }
                finish(i)
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        condition.lock()
        while finished < rounds.count && failure == nil { condition.wait() }
        condition.unlock()
        if let failure { throw failure }
    }

    /// Round `i` has moved its clock on to `seconds`: let every other round reach that moment first.
    func handOver(from i: Int, at seconds: Int64) {
        condition.lock()
        clocks[i] = seconds
        passBaton(from: i)
        condition.unlock()
        waitForTurn(i)
    }

    private func waitForTurn(_ i: Int) {
        // After a failure the baton is passed no more: the other rounds stop where they stand (they are
        // never resumed; the process reports the error and ends).
        turnGiven[i].wait()
        // Between turns, at most once a second (a trim walks the heap's free chunks: a few milliseconds).
        let now = Date().timeIntervalSince1970
        if now - lastTrim >= 1 {
            lastTrim = now
            MallocTuning.returnFreePages()
        }
        onTurn?(i)
    }

    private func finish(_ i: Int) {
        condition.lock()
        running[i] = false
        finished += 1
        passBaton(from: i)
        condition.unlock()
    }

    private func fail(_ error: Error) {
        condition.lock()
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// To the running round with the earliest clock, the next in order after `i` among equals, wrapping
    /// round (the caller holds the lock).
    private func passBaton(from i: Int) {
        var best: Int?
        for step in 1...running.count {
            let next = (i + step) % running.count
            if running[next], best.map({ clocks[next] < clocks[$0] }) ?? true { best = next }
        }
        if let best, failure == nil { turnGiven[best].signal() }
        condition.broadcast()  // for `run`, which waits for the rounds to finish
    }
}
