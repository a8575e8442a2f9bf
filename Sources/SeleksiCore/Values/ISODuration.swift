/// An ISO 8601 duration (`P14D`, `P1M`, `PT48H`, `P1Y2M3DT4H5M6S`); weeks as `P2W`.
///
/// Years, months and days are calendar units, added on the WIB calendar; hours, minutes and
/// seconds are exact. "A month after 31 January" is the last day of February.
/// Components are whole numbers written in the standard's order, each at most once; a duration
/// longer than 10,000 years is refused when read, so `after(_:)` cannot overflow.
public struct ISODuration: Sendable, Hashable, CustomStringConvertible {
    public var years = 0, months = 0, days = 0, seconds: Int64 = 0
    public let text: String

    /// 10,000 years in each unit: beyond the calendar's `YYYY` and so beyond any deadline.
    static let maxMonths = 120_000, maxDays = 3_652_425, maxSeconds: Int64 = 315_569_520_000

    public init?(_ text: String) {
        guard case .success(let d) = ISODuration.parse(text) else { return nil }
        self = d
    }

    private init(text: String) { self.text = text }

    /// The duration, or why `text` is not one (in Indonesian, with English).
    public static func parse(_ text: String) -> Result<ISODuration, LocalizedText> {
        var d = ISODuration(text: text)
        let b = Array(text.utf8)
        func fail(_ id: String, _ en: String) -> Result<ISODuration, LocalizedText> {
            .failure(LocalizedText(id: "durasi '\(text)' tidak sah: \(id)",
                                   en: "'\(text)' is not an ISO 8601 duration: \(en)"))
        }
        guard b.first == UInt8(ascii: "P"), b.count > 1 else {
            return fail("harus diawali P, mis. P14D atau PT48H", "it must start with P, e.g. P14D or PT48H")
        }
        let order = Array("YMWDThms".utf8)  // h, m, s: the time part's H, M, S
        var last = -1, i = 1, inTime = false
        while i < b.count {
            if b[i] == UInt8(ascii: "T") {
                guard !inTime, i + 1 < b.count else { return fail("T di tempat yang salah", "misplaced T") }
                inTime = true; last = 4; i += 1; continue
            }
            var n = 0, digits = 0
            while i < b.count, b[i] &- UInt8(ascii: "0") < 10 {
                n = Swift.min(n * 10 + Int(b[i] - UInt8(ascii: "0")), 1 << 40)
                digits += 1; i += 1
            }
            guard digits > 0, i < b.count else {
                return fail("setiap bagian adalah bilangan bulat diikuti satuannya",
                            "each part is a whole number and a unit")
            }
            // Time units are looked up in lower case, to tell minutes from months; input is upper case.
            let unit = !inTime ? b[i] : b[i] & 0x20 == 0 ? b[i] | 0x20 : 0
            guard let rank = order.firstIndex(of: unit), rank > last, rank != 4, inTime == (rank > 4) else {
                return fail("satuan '\(Unicode.Scalar(b[i]))' tidak dikenal atau tidak berurutan (Y M W D T H M S)",
                            "unknown or out-of-order unit '\(Unicode.Scalar(b[i]))' (Y M W D T H M S)")
            }
            last = rank; i += 1
            guard d.add(n, rank) else {
                return fail("lebih dari 10.000 tahun", "longer than 10,000 years")
            }
        }
        guard last != 4 else { return fail("T tanpa jam, menit atau detik", "T with no hours, minutes or seconds") }
        return .success(d)
    }

    /// Adds `n` of the unit at `rank` in "YMWDThms"; false when the total passes 10,000 years.
    private mutating func add(_ n: Int, _ rank: Int) -> Bool {
        switch rank {
        case 0: years = n
        case 1: months = n
        case 2: days += 7 * Swift.min(n, ISODuration.maxDays)
        case 3: days += n
        case 5: seconds += Int64(n) * 3600
        case 6: seconds += Int64(n) * 60
        default: seconds += Int64(n)
        }
        return years * 12 + months <= ISODuration.maxMonths && days <= ISODuration.maxDays
            && seconds <= ISODuration.maxSeconds
    }

    /// The instant this long after `start`. Total: the components are bounded when read, day numbers
    /// are clamped by `CivilDate`, and an instant past the ends of `Int64` saturates.
    public func after(_ start: Timestamp) -> Timestamp {
        let (day, timeOfDay) = start.localDayAndSecond
        let date = CivilDate(dayNumber: Int(day)).adding(months: years * 12 + months).adding(days: days)
        return Timestamp(startOf: date).adding(seconds: timeOfDay).adding(seconds: seconds)
    }

    public var description: String { text }
}
