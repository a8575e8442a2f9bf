import SeleksiCore

/// How a report writes numbers and the words around them, in the reader's language.
struct ReportFormat {
    let language: Language

    func t(_ id: String, _ en: String) -> String { language == .en ? en : id }
    func text(_ l: LocalizedText) -> String { l.text(language) }

    /// A number with at most `digits` decimals: Indonesian writes a decimal comma and a thousands dot.
    func number(_ x: Double, digits: Int = 1) -> String {
        guard x.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        let whole = Int64(rounded.magnitude.rounded(.down))
        var fraction = String(Int64(((rounded.magnitude - Double(whole)) * scale).rounded()))
        while fraction.count < digits { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        var digitsText = String(whole)
        var grouped = ""
        while digitsText.count > 3 {
            grouped = (language == .en ? "," : ".") + digitsText.suffix(3) + grouped
            digitsText.removeLast(3)
        }
        grouped = digitsText + grouped
        let sign = rounded < 0 && (whole > 0 || !fraction.isEmpty) ? "-" : ""
        return sign + grouped + (fraction.isEmpty ? "" : (language == .en ? "." : ",") + fraction)
    }

    /// "Skor akhir" in the middle of a sentence: "skor akhir" (an acronym such as "PAUD" stays).
    func lowerFirst(_ s: String) -> String {
        guard let first = s.first, s.dropFirst().first?.isLowercase ?? true else { return s }
        return first.lowercased() + s.dropFirst()
    }

    func count(_ n: Int) -> String { number(Double(n), digits: 0) }

    func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "-" : number(100 * Double(part) / Double(whole), digits: 1) + "%"
    }

    func days(_ hours: Double) -> String { number(hours / 24, digits: 1) }

    /// "1 Juli 2019 09.00" / "1 July 2019 09:00", in WIB.
    func moment(_ t: Timestamp) -> String {
        let d = t.date
        let local = t.seconds + Timestamp.zoneOffsetSeconds
        let secondsOfDay = ((local % 86_400) + 86_400) % 86_400
        let hh = secondsOfDay / 3600
        let mm = (secondsOfDay % 3600) / 60
        let clock = (hh < 10 ? "0" : "") + "\(hh)" + (language == .en ? ":" : ".") + (mm < 10 ? "0" : "") + "\(mm)"
        let months =
            language == .en
            ? [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            : IndonesianFormat.months
        return "\(d.day) \(months[d.month - 1]) \(d.year) \(clock)"
    }

    /// The range a score bucket covers: "70–79", and the last one up to the maximum: "90–100".
    func bucket(_ i: Int, width: Int, count: Int, maximum: Int) -> String {
        let low = i * width
        let high = i == count - 1 ? maximum : low + width - 1
        return "\(low)–\(high)"
    }
}
