/// An ISO 8601 duration (`P14D`, `P1M`, `PT48H`, `P1Y2M3DT4H5M6S`); weeks as `P2W`.
///
/// Years, months and days are calendar units, added on the WIB calendar; hours, minutes and
/// seconds are exact. "A month after 31 January" is the last day of February.
public struct ISODuration: Sendable, Hashable, CustomStringConvertible {
    public var years = 0, months = 0, days = 0, seconds: Int64 = 0
    public let text: String

    public init?(_ text: String) {
        self.text = text
        var chars = Array(text)
        guard chars.first == "P", chars.count > 1 else { return nil }
        chars.removeFirst()
        var inTime = false
        var digits = ""
        var sawUnit = false
        for c in chars {
            if c == "T" { guard !inTime, digits.isEmpty else { return nil }; inTime = true; continue }
            if c.isASCII, c.isNumber { digits.append(c); continue }
            guard let n = Int(digits) else { return nil }
            digits = ""
            sawUnit = true
            switch (inTime, c) {
            case (false, "Y"): years += n
            case (false, "M"): months += n
            case (false, "W"): days += 7 * n
            case (false, "D"): days += n
            case (true, "H"): seconds += Int64(n) * 3600
            case (true, "M"): seconds += Int64(n) * 60
            case (true, "S"): seconds += Int64(n)
            default: return nil
            }
        }
        guard digits.isEmpty, sawUnit else { return nil }
    }

    public func after(_ start: Timestamp) -> Timestamp {
        let local = start.seconds + Timestamp.zoneOffsetSeconds
        let day = Int64((Double(local) / 86400).rounded(.down))
        let timeOfDay = local - day * 86400
        let date = CivilDate(dayNumber: Int(day)).adding(months: years * 12 + months).adding(days: days)
        return Timestamp(seconds: Int64(date.dayNumber) * 86400 + timeOfDay - Timestamp.zoneOffsetSeconds + seconds)
    }

    public var description: String { text }
}
