/// The kinds of answer a form field takes. Each knows how to read raw input into a canonical value.
public enum FieldType: String, Sendable, CaseIterable {
    case text, integer, decimal, money, boolean, date
    case choice, multipleChoice = "multiple-choice"
    case nik, npwp, email, phone, attachment

    /// How to write it, for prompts and error messages.
    public var formatHint: LocalizedText {
        switch self {
        case .text: return LocalizedText(id: "teks", en: "text")
        case .integer: return LocalizedText(id: "bilangan bulat, mis. 12", en: "a whole number, e.g. 12")
        case .decimal: return LocalizedText(id: "angka, mis. 3,5", en: "a number, e.g. 3.5")
        case .money: return LocalizedText(id: "rupiah tanpa sen, mis. 1500000 atau Rp1.500.000", en: "whole Rupiah, e.g. 1500000 or Rp1.500.000")
        case .boolean: return LocalizedText(id: "ya atau tidak", en: "yes or no (ya/tidak)")
        case .date: return LocalizedText(id: "tanggal TTTT-BB-HH, mis. 1990-07-31", en: "a date YYYY-MM-DD, e.g. 1990-07-31")
        case .choice: return LocalizedText(id: "salah satu pilihan", en: "one of the choices")
        case .multipleChoice: return LocalizedText(id: "satu atau lebih pilihan, dipisah koma", en: "one or more choices, comma-separated")
        case .nik: return LocalizedText(id: "NIK 16 angka", en: "16-digit NIK")
        case .npwp: return LocalizedText(id: "NPWP 15 atau 16 angka, mis. 01.234.567.8-901.000", en: "NPWP of 15 or 16 digits")
        case .email: return LocalizedText(id: "alamat surel, mis. nama@contoh.id", en: "an e-mail address")
        case .phone: return LocalizedText(id: "nomor telepon, mis. 0812xxxxxxxx atau +62812xxxxxxxx", en: "a phone number, e.g. +62812…")
        case .attachment: return LocalizedText(id: "jalur berkas yang ada", en: "the path of an existing file")
        }
    }
}
