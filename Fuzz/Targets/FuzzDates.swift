// libFuzzer target: text dates, instants and durations, NIKs, amounts in words and rounding.
// Parsers must refuse or round-trip; arithmetic must keep the calendar convention; nothing may trap.
import SeleksiCore

let instants = [Int64.min, -62_135_596_800, -1, 0, 1_561_950_000, 253_402_300_799, Int64.max]
    .map(Timestamp.init(seconds:))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    checkText(text)
    if size >= 16 { checkNumbers(bytes) }
    return 0
}

func checkText(_ text: String) {
    if let d = CivilDate(iso: text), d.iso != text { fatalError("date \(text) reads as \(d.iso)") }
    // An offset can move an instant on 0001-01-01 or 9999-12-31 out of the writable years; inside them
    // every instant must read back from the text it writes.
    if let t = Timestamp(iso: text), t.date.isWritable, Timestamp(iso: t.iso) != t {
        fatalError("instant \(text) does not round-trip")
    }
    if case .success(let duration) = ISODuration.parse(text) {
        for t in instants { _ = duration.after(t).iso }
    }
    _ = NIK.problem(text)
    _ = NIK.sex(text)
    _ = NIK.birthDate(text, reference: CivilDate(iso: "2019-07-01")!)
    _ = EmailAddress.isValid(text)
    _ = Value.number(fromText: text).map { precondition($0.isFinite) }
}

/// The first 16 bytes as two integers: a date pair for the calendar rules, an amount, a double to round.
func checkNumbers(_ bytes: UnsafeRawBufferPointer) {
    let x = bytes.loadUnaligned(fromByteOffset: 0, as: Int64.self)
    let y = bytes.loadUnaligned(fromByteOffset: 8, as: Int64.self)
    _ = Terbilang.words(x)
    _ = IndonesianFormat.grouped(y)
    let rounded = DecimalRounding.round(Double(bitPattern: UInt64(bitPattern: x)), places: Int(y % 40))
    _ = rounded
    let a = CivilDate(dayNumber: Int(x % 3_652_059)), b = CivilDate(dayNumber: Int(y % 3_652_059))
    let months = a.wholeMonths(to: b)
    // relativedelta's rule: the most months from a that do not pass b (or the fewest that reach it).
    if b >= a {
        precondition(a.adding(months: months) <= b && a.adding(months: months + 1) > b, "\(a) \(b) \(months)")
    } else {
        precondition(a.adding(months: months) >= b && a.adding(months: months - 1) < b, "\(a) \(b) \(months)")
    }
    precondition(a.wholeYears(to: b) == months / 12)
    _ = CivilDate(dayNumber: Int(x)).adding(months: Int(y)).iso
}
