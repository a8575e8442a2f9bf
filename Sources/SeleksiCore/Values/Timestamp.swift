/// An instant, in whole seconds since 1970-01-01T00:00:00Z.
///
/// The core never reads a clock: every `Timestamp` comes in from the edge (the CLI's `--now`, or the
/// system clock read once per command), so transitions and timers are deterministic under test.
/// Its arithmetic saturates instead of trapping: an instant beyond the range of `Int64` seconds is
/// never reached, which is what a deadline that far away means.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int64

    /// Offset of the zone in which calendar dates are read: WIB (UTC+7), where the guideline's offices sit.
    public static let zoneOffsetSeconds: Int64 = 7 * 3600

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    /// `self` plus `delta` seconds, saturating at the ends of `Int64`.
    public func adding(seconds delta: Int64) -> Timestamp {
        let (sum, overflow) = seconds.addingReportingOverflow(delta)
        return Timestamp(seconds: overflow ? (delta < 0 ? .min : .max) : sum)
    }

    /// Seconds since 1970-01-01T00:00 in WIB, split into whole days and the second of the day.
    var localDayAndSecond: (day: Int64, second: Int64) {
        let local = adding(seconds: Timestamp.zoneOffsetSeconds).seconds
        let (day, second) = local.quotientAndRemainder(dividingBy: 86400)  // no product: cannot overflow
        return second < 0 ? (day - 1, second + 86400) : (day, second)
    }

    /// The calendar date in WIB.
    public var date: CivilDate { CivilDate(dayNumber: Int(localDayAndSecond.day)) }

    /// Midnight WIB at the start of `date`.
    public init(startOf date: CivilDate) {
        // |dayNumber| ≤ 2^40, so the product stays far inside Int64.
        seconds = Int64(date.dayNumber) * 86400 - Timestamp.zoneOffsetSeconds
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (read as WIB) or the same followed by `Z` or `±HH:MM`.
    /// Digits are ASCII and fixed in number; hours 00–23, minutes and seconds 00–59, offsets up to ±14:00.
    public init?(iso text: String) {
        if let d = CivilDate(iso: text) { self.init(startOf: d); return }
        let b = Array(text.utf8)
        guard b.count >= 16, let d = CivilDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
              b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ") else { return nil }
        var i = 11
        func two(_ max: Int) -> Int? {
            guard i + 2 <= b.count else { return nil }
            let hi = b[i] &- UInt8(ascii: "0"), lo = b[i + 1] &- UInt8(ascii: "0")
            guard hi < 10, lo < 10, Int(hi) * 10 + Int(lo) <= max else { return nil }
            i += 2
            return Int(hi) * 10 + Int(lo)
        }
        func colon() -> Bool { guard i < b.count, b[i] == UInt8(ascii: ":") else { return false }; i += 1; return true }
        guard let h = two(23), colon(), let m = two(59) else { return nil }
        var s = 0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let v = two(59) else { return nil }
            s = v
        }
        var offset = Timestamp.zoneOffsetSeconds
        if i < b.count {
            if b[i] == UInt8(ascii: "Z"), i + 1 == b.count {
                offset = 0
            } else {
                guard b.count - i == 6, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
                let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let zh = two(14), colon(), let zm = two(59), zh * 60 + zm <= 14 * 60 else { return nil }
                offset = sign * Int64(zh * 3600 + zm * 60)
            }
        }
        let local = Timestamp(startOf: d).seconds + Timestamp.zoneOffsetSeconds + Int64(h * 3600 + m * 60 + s)
        self.init(seconds: local - offset)
    }

    /// ISO 8601 in WIB, e.g. `2019-07-01T09:00:00+07:00`.
    public var iso: String {
        let (day, secs) = localDayAndSecond
        let time = "\(pad(Int(secs / 3600), 2)):\(pad(Int(secs / 60 % 60), 2)):\(pad(Int(secs % 60), 2))"
        return "\(CivilDate(dayNumber: Int(day)).iso)T\(time)+07:00"
    }

    public var description: String { iso }
}
