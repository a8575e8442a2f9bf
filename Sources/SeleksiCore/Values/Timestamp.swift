/// An instant, in whole seconds since 1970-01-01T00:00:00Z.
///
/// The core never reads a clock: every `Timestamp` comes in from the edge (the CLI's `--now`, or the
/// system clock read once per command), so transitions and timers are deterministic under test.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let seconds: Int64

    /// Offset of the zone in which calendar dates are read: WIB (UTC+7), where the guideline's offices sit.
    public static let zoneOffsetSeconds: Int64 = 7 * 3600

    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    /// The calendar date in WIB.
    public var date: CivilDate {
        let local = seconds + Timestamp.zoneOffsetSeconds
        return CivilDate(dayNumber: Int((Double(local) / 86400).rounded(.down)))
    }

    /// Midnight WIB at the start of `date`.
    public init(startOf date: CivilDate) {
        seconds = Int64(date.dayNumber) * 86400 - Timestamp.zoneOffsetSeconds
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` (read as WIB) or the same followed by `Z` or `±HH:MM`.
    public init?(iso text: String) {
        if let d = CivilDate(iso: text) { self.init(startOf: d); return }
        guard text.count >= 16, let d = CivilDate(iso: String(text.prefix(10))) else { return nil }
        let rest = Array(text.dropFirst(10))
        guard rest.first == "T" || rest.first == " " else { return nil }
        var i = 1
        func number(_ n: Int) -> Int? {
            guard i + n <= rest.count, let v = Int(String(rest[i..<i + n])) else { return nil }
            i += n
            return v
        }
        guard let h = number(2), i < rest.count, rest[i] == ":" else { return nil }
        i += 1
        guard let m = number(2), h < 24, m < 60 else { return nil }
        var s = 0
        if i < rest.count, rest[i] == ":" {
            i += 1
            guard let v = number(2), v < 60 else { return nil }
            s = v
        }
        var offset = Timestamp.zoneOffsetSeconds
        if i < rest.count {
            let zone = String(rest[i...])
            if zone == "Z" { offset = 0 } else {
                guard zone.count == 6, let sign = zone.first, sign == "+" || sign == "-",
                      let zh = Int(zone.dropFirst().prefix(2)), let zm = Int(zone.suffix(2)) else { return nil }
                offset = Int64((zh * 3600 + zm * 60) * (sign == "-" ? -1 : 1))
            }
        }
        self.init(seconds: Int64(d.dayNumber) * 86400 + Int64(h * 3600 + m * 60 + s) - offset)
    }

    /// ISO 8601 in WIB, e.g. `2019-07-01T09:00:00+07:00`.
    public var iso: String {
        let local = seconds + Timestamp.zoneOffsetSeconds
        let day = Int((Double(local) / 86400).rounded(.down))
        let secs = Int(local - Int64(day) * 86400)
        return "\(CivilDate(dayNumber: day).iso)T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))+07:00"
    }

    public var description: String { iso }
}
