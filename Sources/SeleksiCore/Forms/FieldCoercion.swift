/// Reads one raw answer (from a JSON file or a terminal prompt) into the canonical value of its type.
/// The failure is a message in the user's language saying what would be valid.
public enum FieldCoercion {
    /// Resolves an attachment path into `{path, sha256, size}`; supplied by the shell, which owns files.
    public typealias AttachmentResolver = @Sendable (String) -> Result<Value, AttachmentProblem>

    public struct AttachmentProblem: Error, Sendable {
        public let message: LocalizedText
        public init(_ message: LocalizedText) { self.message = message }
    }

    public static func coerce(_ raw: Value, as field: FieldDefinition, choices: ChoiceList?,
                              resolveAttachment: AttachmentResolver?) -> Result<Value, LocalizedText> {
        if raw.isEmpty { return .success(.null) }
        let text = raw.displayText.trimmingSpaces
        func fail(_ id: String, _ en: String) -> Result<Value, LocalizedText> { .failure(LocalizedText(id: id, en: en)) }
        switch field.type {
        case .text:
            guard text.count <= 4000 else { return fail("teks terlalu panjang (maks. 4000 karakter)", "text too long (max 4000 characters)") }
            return .success(.string(text))
        case .integer:
            if case .number(let n) = raw, n == n.rounded() { return .success(.number(n)) }
            guard let n = Int(text) else { return fail("'\(text)' bukan bilangan bulat", "'\(text)' is not a whole number") }
            return .success(.number(Double(n)))
        case .decimal:
            if case .number = raw { return .success(raw) }
            guard let n = Double(text.replacing(",", with: ".")), n.isFinite else {
                return fail("'\(text)' bukan angka", "'\(text)' is not a number")
            }
            return .success(.number(n))
        case .money:
            if case .number(let n) = raw {
                guard n == n.rounded(), n >= 0 else { return fail("nilai rupiah harus bulat dan tidak negatif", "Rupiah amounts are whole and not negative") }
                return .success(raw)
            }
            var digits = text
            if digits.lowercased().hasPrefix("rp") { digits = String(digits.dropFirst(2)) }
            digits = digits.replacing(".", with: "").replacing(" ", with: "")
            if digits.hasSuffix(",00") { digits = String(digits.dropLast(3)) }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Double(digits) else {
                return fail("'\(text)' bukan nilai rupiah (mis. 1500000 atau Rp1.500.000)", "'\(text)' is not a Rupiah amount (e.g. 1500000)")
            }
            return .success(.number(n))
        case .boolean:
            if case .bool = raw { return .success(raw) }
            switch text.lowercased() {
            case "ya", "y", "true", "1", "yes": return .success(.bool(true))
            case "tidak", "t", "n", "false", "0", "no": return .success(.bool(false))
            default: return fail("'\(text)': jawab ya atau tidak", "'\(text)': answer ya (yes) or tidak (no)")
            }
        case .date:
            if case .date = raw { return .success(raw) }
            guard let d = CivilDate(iso: text) else {
                return fail("'\(text)' bukan tanggal yang ada; tulis TTTT-BB-HH, mis. 1990-07-31", "'\(text)' is not a real date; write YYYY-MM-DD")
            }
            return .success(.date(d))
        case .choice:
            guard let list = choices else { return .success(.string(text)) }
            guard list.choices.contains(where: { $0.value == text }) else {
                let valid = list.choices.map(\.value).joined(separator: ", ")
                return fail("'\(text)' bukan pilihan yang sah; pilih salah satu: \(valid)", "'\(text)' is not a valid choice; choose one of: \(valid)")
            }
            return .success(.string(text))
        case .multipleChoice:
            let picked: [String]
            if case .list(let l) = raw { picked = l.map { $0.displayText.trimmingSpaces } } else {
                picked = text.split(separator: ",").map { String($0).trimmingSpaces }
            }
            if let list = choices {
                for p in picked where !list.choices.contains(where: { $0.value == p }) {
                    let valid = list.choices.map(\.value).joined(separator: ", ")
                    return fail("'\(p)' bukan pilihan yang sah; pilihan: \(valid)", "'\(p)' is not a valid choice; choices: \(valid)")
                }
            }
            return .success(.list(picked.map(Value.string)))
        case .nik:
            if case .number = raw { return fail("tulis NIK sebagai teks dalam tanda kutip (16 angka)", "write the NIK as quoted text (16 digits)") }
            let nik = text.replacing(" ", with: "")
            if let problem = NIK.problem(nik) { return fail(problem, "not a plausible 16-digit NIK") }
            return .success(.string(nik))
        case .npwp:
            let digits = text.filter { $0 != "." && $0 != "-" && $0 != " " }
            guard digits.count == 15 || digits.count == 16, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return fail("NPWP harus 15 angka (format 99.999.999.9-999.999) atau 16 angka", "an NPWP has 15 digits (99.999.999.9-999.999) or 16")
            }
            return .success(.string(digits))
        case .email:
            guard (try? Regex("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}").wholeMatch(in: text)) != nil else {
                return fail("'\(text)' bukan alamat surel (mis. nama@contoh.id)", "'\(text)' is not an e-mail address")
            }
            return .success(.string(text.lowercased()))
        case .phone:
            var digits = text.filter { !" -().".contains($0) }
            if digits.hasPrefix("+62") { digits = "0" + digits.dropFirst(3) } else if digits.hasPrefix("62") { digits = "0" + digits.dropFirst(2) }
            guard digits.hasPrefix("0"), (9...14).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return fail("'\(text)' bukan nomor telepon Indonesia (mis. 081234567890 atau +6281234567890)", "'\(text)' is not an Indonesian phone number")
            }
            return .success(.string("+62" + digits.dropFirst()))
        case .attachment:
            // The engine reads and hashes the file itself: an answer never brings its own hash.
            guard case .string = raw else {
                return fail("lampiran ditulis sebagai jalur berkas (teks), mis. \"dokumen/ijazah.pdf\"", "an attachment is a file path (text)")
            }
            guard let resolve = resolveAttachment else { return fail("lampiran tidak dapat dibaca di sini", "attachments cannot be read here") }
            switch resolve(text) {
            case .success(let v): return .success(v)
            case .failure(let problem): return .failure(problem.message)
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
