import Foundation

/// What a template declares about itself, in a Mustache comment that opens it:
///
///     {{! dokumen
///     alur: tb_putaran
///     tahap: Kepala UPT membentuk Tim Seleksi (peristiwa bentuk_tim, keadaan tim)
///     perlu: forms.tb_sk_tim.nomor | Nomor SK
///     perlu: children_by_state.ditetapkan.*.forms.tb_portofolio.nama | nama tiap pendidik/tutor
///     tempat: forms.tb_sk_tim.tempat
///     hari-kerja: forms.tb_sk_tim.tanggal
///     kop: tutor_bantu/kop
///     daftar: penerima = children_by_state.ditetapkan + children_by_state.berkontrak urut vars.peringkat
///     gabung: penerima.* kuota = forms.tb_kuota.rincian (skb = org.id, program = forms.tb_portofolio.program)
///     }}
///
/// - `alur`: the workflow whose instances the template describes;
/// - `perlu`: a context path that must hold a value (`*` is every element of a list or record; `a || b`
///   accepts either), with the name of the data for the message; `tahap`: the step that provides it,
///   named in the refusal;
/// - `tempat`: a place, which must be a name and not an organisation's id;
/// - `hari-kerja`: a signing date, which must be a working day (no weekend, holiday or cuti bersama);
/// - `kop`: the reference table of letterheads; every organisation in the context gains its row as `kop`;
/// - `daftar`: a list made of several lists (children in the states a person passes through after a
///   step), optionally kept to those whose path equals a value (`jika decisions.hasil.value = cadangan`)
///   and sorted (`urut …`), so a document re-rendered later still lists the same people, numbered once;
/// - `gabung`: attaches to each record at a path the first row of a list whose columns equal the
///   record's values (how a tutor's row finds its quota line); `tabel folder/file` reads the rows from a
///   reference table instead. Lists are made before joins.
struct TemplateHeader: Equatable {
    struct Requirement: Equatable {
        let path: String, label: String
        /// `a || b`: either path will do (a list that moves from one state to the next). Parsed here,
        /// once per template, not on every document rendered from it.
        let alternatives: [ContextPath]

        init(path: String, label: String) {
            self.path = path
            self.label = label
            alternatives = path.components(separatedBy: "||")
                .map { ContextPath($0.trimmingCharacters(in: .whitespaces)) }
        }

        static func == (a: Requirement, b: Requirement) -> Bool { a.path == b.path && a.label == b.label }
    }
    struct Join: Equatable {
        var target: String, name: String, rows: String
        var keys: [(column: String, path: String)]
        static func == (a: Join, b: Join) -> Bool {
            a.target == b.target && a.name == b.name && a.rows == b.rows && a.keys.elementsEqual(b.keys, by: ==)
        }
    }

    var workflow: String?
    var step: String?
    var requirements: [Requirement] = []
    var places: [String] = []
    var workingDays: [String] = []
    var letterheads: String?
    var joins: [Join] = []
    var lists: [Merge] = []

    struct Merge: Equatable {
        var name: String
        var sources: [String]
        var filter: (path: String, value: String)?
        var order: [String]
        static func == (a: Merge, b: Merge) -> Bool {
            a.name == b.name && a.sources == b.sources && a.order == b.order
                && a.filter?.path == b.filter?.path && a.filter?.value == b.filter?.value
        }
    }

    static let opening = "{{! dokumen"

    /// Reads the header of `source`; a template without one declares nothing.
    static func parse(_ source: String, file: String) throws -> TemplateHeader {
        var header = TemplateHeader()
        // The header opens the template, after at most a `{{% CONTENT_TYPE: TEXT}}` pragma.
        var before = Substring(source)
        if before.hasPrefix("{{%"), let pragmaEnd = before.range(of: "}}") { before = before[pragmaEnd.upperBound...] }
        guard let start = before.range(of: opening), before[..<start.lowerBound].allSatisfy(\.isWhitespace) else {
            return header
        }
        guard let end = source[start.upperBound...].range(of: "}}") else {
            throw DocumentError.template(id: "\(file): komentar kepala '\(opening)' tidak ditutup dengan '}}'",
                                         en: "\(file): the header comment '\(opening)' is not closed by '}}'")
        }
        let body = source[start.upperBound..<end.lowerBound]
        for (offset, raw) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw DocumentError.template(
                    id: "\(file): baris kepala \(offset + 1): seharusnya 'kunci: nilai', tertulis '\(line)'",
                    en: "\(file): header line \(offset + 1): expected 'key: value', got '\(line)'")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            try header.apply(key, value, where: "\(file): header line \(offset + 1)")
        }
        return header
    }

    private mutating func apply(_ key: String, _ value: String, where place: String) throws {
        switch key {
        case "alur": workflow = value
        case "tahap": step = value
        case "perlu":
            // "path | label"; a path may itself hold "||" (alternatives), which " | " never matches.
            let parts = value.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            requirements.append(
                Requirement(path: parts[0], label: parts.count > 1 ? parts[1...].joined(separator: " | ") : parts[0]))
        case "tempat": places.append(value)
        case "hari-kerja": workingDays.append(value)
        case "kop": letterheads = value
        case "gabung": joins.append(try Self.join(value, place))
        case "daftar": lists.append(try Self.merge(value, place))
        default:
            let known = "alur tahap perlu tempat hari-kerja kop daftar gabung"
            throw DocumentError.template(id: "\(place): kunci '\(key)' tidak dikenal; yang dikenal: \(known)",
                                         en: "\(place): unknown key '\(key)'; known: \(known)")
        }
    }

    /// `name = path + path … [jika path = value] [urut path, path …]`.
    private static func merge(_ text: String, _ place: String) throws -> Merge {
        let form = "daftar: NAMA = JALUR + JALUR … [jika JALUR = NILAI] [urut JALUR, …]"
        let bad = DocumentError.template(id: "\(place): seharusnya '\(form)'", en: "\(place): expected '\(form)'")
        guard let eq = text.firstIndex(of: "=") else { throw bad }
        let name = text[..<eq].trimmingCharacters(in: .whitespaces)
        var rest = String(text[text.index(after: eq)...])
        var order: [String] = []
        if let r = rest.range(of: " urut ") {
            order = rest[r.upperBound...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            rest = String(rest[..<r.lowerBound])
        }
        var filter: (String, String)?
        if let r = rest.range(of: " jika ") {
            let kv = rest[r.upperBound...].split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2 else { throw bad }
            filter = (kv[0], kv[1])
            rest = String(rest[..<r.lowerBound])
        }
        let sources = rest.split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !name.isEmpty, !name.contains(" "), !sources.isEmpty, !sources.contains(where: \.isEmpty) else {
            throw bad
        }
        return Merge(name: name, sources: sources, filter: filter, order: order)
    }

    /// `target name = rows (column = path, …)`.
    private static func join(_ text: String, _ place: String) throws -> Join {
        let form = "gabung: SASARAN NAMA = BARIS (KOLOM = JALUR, …)"
        let bad = DocumentError.template(id: "\(place): seharusnya '\(form)'", en: "\(place): expected '\(form)'")
        guard let eq = text.firstIndex(of: "="), let open = text.firstIndex(of: "("), text.hasSuffix(")"), eq < open
        else { throw bad }
        let head = text[..<eq].split(separator: " ").map(String.init)
        guard head.count == 2 else { throw bad }
        let rows = text[text.index(after: eq)..<open].trimmingCharacters(in: .whitespaces)
        var keys: [(String, String)] = []
        for pair in text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: ",") {
            let kv = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else { throw bad }
            keys.append((kv[0], kv[1]))
        }
        guard !rows.isEmpty, !keys.isEmpty else { throw bad }
        return Join(target: head[0], name: head[1], rows: rows, keys: keys)
    }
}
