/// Reads one raw answer (from a JSON file or a terminal prompt) into the canonical value of its type.
/// The failure is a message in the user's language saying what is wrong and what would be valid.
public enum FieldCoercion {
    /// Resolves an attachment path into `{path, sha256, size}`; supplied by the shell, which owns files.
    public typealias AttachmentResolver = @Sendable (String) -> Result<Value, AttachmentProblem>

    public struct AttachmentProblem: Error, Sendable {
        public let message: LocalizedText
        public init(_ message: LocalizedText) { self.message = message }
    }

    /// Longest text answer accepted.
    public static let maxTextLength = 4000

    /// `today` bounds dates (see `date(_:text:today:)`).
    public static func coerce(
        _ raw: Value, as field: FieldDefinition, choices: ChoiceList?, today: CivilDate,
        resolveAttachment: AttachmentResolver?
    ) -> Result<Value, LocalizedText> {
        if raw.isEmpty { return .success(.null) }
        let text = raw.displayText.trimmingSpaces
        switch field.type {
        case .text:
            guard text.count <= maxTextLength else {
                return fail(
                    "teks terlalu panjang (\(text.count) karakter; paling banyak \(maxTextLength))",
                    "text too long (\(text.count) characters; at most \(maxTextLength))")
            }
            return .success(.string(text))
        case .integer: return integer(raw, text: text)
        case .decimal: return decimal(raw, text: text)
        case .money: return money(raw, text: text)
        case .boolean: return boolean(raw, text: text)
        case .date: return date(raw, text: text, today: today)
        case .choice: return choice(text, list: choices)
        case .multipleChoice: return multipleChoice(raw, text: text, list: choices)
        case .nik: return nik(raw, text: text)
        case .npwp: return npwp(text)
        case .email: return email(text)
        case .phone: return phone(text)
        case .attachment: return attachment(raw, text: text, resolve: resolveAttachment)
        }
    }

    static func fail(_ id: String, _ en: String) -> Result<Value, LocalizedText> {
        .failure(LocalizedText(id: id, en: en))
    }

    static func boolean(_ raw: Value, text: String) -> Result<Value, LocalizedText> {
        if case .bool = raw { return .success(raw) }
        switch text.lowercased() {
        case "ya", "y", "true", "1", "yes": return .success(.bool(true))
        case "tidak", "t", "n", "false", "0", "no": return .success(.bool(false))
        default: return fail("'\(text)': jawab ya atau tidak", "'\(text)': answer ya (yes) or tidak (no)")
        }
    }

    static func nik(_ raw: Value, text: String) -> Result<Value, LocalizedText> {
        if case .number = raw {
            return fail(
                "tulis NIK sebagai teks dalam tanda kutip (16 angka)", "write the NIK as quoted text (16 digits)")
        }
        let nik = text.replacing(" ", with: "")
        if let problem = NIK.problem(nik) { return fail(problem, "'\(nik)' is not a plausible 16-digit NIK") }
        return .success(.string(nik))
    }

    static func npwp(_ text: String) -> Result<Value, LocalizedText> {
        let digits = text.filter { $0 != "." && $0 != "-" && $0 != " " }
        guard digits.count == 15 || digits.count == 16, digits.allSatisfy(\.isASCIIDigit) else {
            return fail(
                "NPWP harus 15 angka (format 99.999.999.9-999.999) atau 16 angka",
                "an NPWP has 15 digits (99.999.999.9-999.999) or 16")
        }
        return .success(.string(digits))
    }

    static func email(_ text: String) -> Result<Value, LocalizedText> {
        // A plain scan (no pattern compiled per answer), accepting what the form's pattern always accepted.
        guard EmailAddress.isValid(text) else {
            return fail(
                "'\(text)' bukan alamat surel (mis. nama@contoh.id)",
                "'\(text)' is not an e-mail address (e.g. name@example.id)")
        }
        return .success(.string(text.lowercased()))
    }

    static func phone(_ text: String) -> Result<Value, LocalizedText> {
        var digits = text.filter { !" -().".contains($0) }
        if digits.hasPrefix("+62") {
            digits = "0" + digits.dropFirst(3)
        } else if digits.hasPrefix("62") {
            digits = "0" + digits.dropFirst(2)
        }
        guard digits.hasPrefix("0"), (9...14).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else {
            return fail(
                "'\(text)' bukan nomor telepon Indonesia (mis. 081234567890 atau +6281234567890)",
                "'\(text)' is not an Indonesian phone number (e.g. 081234567890 or +6281234567890)")
        }
        return .success(.string("+62" + digits.dropFirst()))
    }

    static func attachment(_ raw: Value, text: String, resolve: AttachmentResolver?) -> Result<Value, LocalizedText> {
        // The engine reads and hashes the file itself: an answer never brings its own hash.
        guard case .string = raw else {
            return fail("lampiran ditulis sebagai jalur berkas (teks), mis. \"dokumen/ijazah.pdf\"", "an attachment is a file path (text)")
        }
        guard let resolve else { return fail("lampiran tidak dapat dibaca di sini", "attachments cannot be read here") }
        switch resolve(text) {
        case .success(let v): return .success(v)
        case .failure(let problem): return .failure(problem.message)
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
