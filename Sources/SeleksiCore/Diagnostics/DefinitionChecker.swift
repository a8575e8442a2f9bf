/// Static checks over a set of forms and workflows, the semantic half of `seleksi check` (the XML
/// schema is the other half): unknown forms, roles, states, fields, variables, votes, seed tables and
/// columns; duplicate ids; unreachable states; states with no path to a final state; expressions that
/// name what does not exist, in the instance, its parent (when the workflow declares it) or its children.
/// Every message is in Indonesian with an English variant.
public struct DefinitionChecker {
    public let forms: [String: FormDefinition]
    public let workflows: [String: WorkflowDefinition]
    /// The seed tables and their columns (`seed/…`), to check `lookup()` and calendars; nil: unchecked.
    public let referenceColumns: [String: [String]]?
    /// The calendar table the shell uses for a workflow that names none.
    public let defaultCalendar: String?
    /// Ids of definitions whose files could not be read: a reference to one is not reported again.
    public let unreadable: Set<String>

    public init(forms: [FormDefinition], workflows: [WorkflowDefinition], referenceColumns: [String: [String]]? = nil,
                defaultCalendar: String? = nil, unreadable: Set<String> = []) {
        self.forms = Dictionary(forms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.workflows = Dictionary(workflows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.referenceColumns = referenceColumns
        self.defaultCalendar = defaultCalendar
        self.unreadable = unreadable
    }

    /// Collects one file's diagnostics.
    struct Report {
        let file: String
        var out: [Diagnostic] = []

        mutating func err(_ line: Int, id: String, en: String) {
            out.append(Diagnostic(file: file, line: line, id: id, en: en))
        }

        mutating func warn(_ line: Int, id: String, en: String) {
            out.append(Diagnostic(file: file, line: line, id: id, en: en, severity: .warning))
        }
    }

    public func check(form: FormDefinition) -> [Diagnostic] {
        var r = Report(file: form.file)
        var seen: Set<String> = []
        let topLevel = Set(form.items.map(\.id))
        for item in form.items {
            let (id, line): (String, Int) = {
                switch item {
                case .field(let f): return (f.id, f.line)
                case .repeatGroup(let g): return (g.id, g.line)
                }
            }()
            if !seen.insert(id).inserted { r.err(line, id: "id kolom '\(id)' dipakai dua kali", en: "duplicate field id '\(id)'") }
            var fields: [(FieldDefinition, Set<String>)] = []
            switch item {
            case .field(let f): fields = [(f, [])]
            case .repeatGroup(let g):
                var rowSeen: Set<String> = []
                for f in g.fields where !rowSeen.insert(f.id).inserted {
                    r.err(f.line, id: "id kolom '\(f.id)' dipakai dua kali dalam ulangan '\(g.id)'",
                          en: "duplicate field id '\(f.id)' in repeat '\(g.id)'")
                }
                fields = g.fields.map { ($0, Set(g.fields.map(\.id))) }
                if let max = g.maxRows, max < g.minRows {
                    r.err(g.line, id: "ulangan '\(g.id)': max \(max) di bawah min \(g.minRows)",
                          en: "repeat '\(g.id)': max \(max) is below min \(g.minRows)")
                }
                if let rel = g.relevant { checkFormNames(rel, line: g.line, known: topLevel, rowFields: [], form: form, &r) }
            }
            for (f, rowFields) in fields {
                if f.type == .choice || f.type == .multipleChoice {
                    let lists = form.choiceLists.keys.sorted().joined(separator: ", ")
                    if let list = f.choices {
                        if form.choiceLists[list] == nil {
                            r.err(f.line, id: "kolom '\(f.id)' menyebut daftar pilihan '\(list)' yang tidak ada; daftar: \(lists)",
                                  en: "field '\(f.id)' names unknown choice list '\(list)'; lists: \(lists)")
                        }
                    } else {
                        r.err(f.line, id: "kolom '\(f.id)' bertipe \(f.type.rawValue) memerlukan choices=\"…\"",
                              en: "field '\(f.id)' of type \(f.type.rawValue) needs choices=\"…\"")
                    }
                }
                var exprs: [Expression] = []
                if let e = f.relevant { exprs.append(e) }
                if let c = f.calculate { exprs.append(c) }
                exprs += f.constraints.map(\.test)
                for e in exprs { checkFormNames(e, line: f.line, known: topLevel, rowFields: rowFields, form: form, &r) }
            }
        }
        return r.out
    }

    private func checkFormNames(_ e: Expression, line: Int, known: Set<String>, rowFields: Set<String>, form: FormDefinition,
                                _ r: inout Report) {
        for (path, offset) in e.paths {
            let head = path[0]
            if rowFields.contains(head) { continue }
            guard known.contains(head) else {
                let names = known.union(rowFields).sorted().joined(separator: ", ")
                r.err(line, id: "ungkapan '\(e.source)' menyebut kolom '\(head)' yang tidak ada (kolom teks \(offset + 1)); kolom: \(names)",
                      en: "expression '\(e.source)' names unknown field '\(head)' (column \(offset + 1)); fields: \(names)")
                continue
            }
            if path.count > 1, let group = form.group(head), !group.fields.contains(where: { $0.id == path[1] }) {
                r.err(line, id: "ungkapan '\(e.source)' menyebut kolom '\(path[1])' yang tidak ada di ulangan '\(head)' (kolom teks \(offset + 1))",
                      en: "expression '\(e.source)' names unknown field '\(path[1])' in repeat '\(head)' (column \(offset + 1))")
            }
        }
        for (list, paths) in e.elementReads {
            guard let p = list.plainPath, p.count == 1, let group = form.group(p[0]) else { continue }
            checkItemFields(paths, fields: group.fields.map(\.id), of: "ulangan '\(group.id)'", "repeat '\(group.id)'", e, line, &r)
        }
        checkCalls(e, line: line, calendar: defaultCalendar, &r)
    }

    /// `item.x` inside a list function over a known list of records: `x` must be one of `fields`.
    func checkItemFields(_ paths: [(path: [String], offset: Int)], fields: [String], of whatID: String, _ whatEN: String,
                         _ e: Expression, _ line: Int, _ r: inout Report) {
        for (path, offset) in paths where path.count > 1 && !fields.contains(path[1]) {
            let names = fields.joined(separator: ", ")
            r.err(line, id: "ungkapan '\(e.source)' menyebut item.\(path[1]), padahal baris \(whatID) tidak punya kolom itu "
                  + "(kolom teks \(offset + 1)); kolomnya: \(names)",
                  en: "expression '\(e.source)' reads item.\(path[1]), but the rows of \(whatEN) have no such field "
                  + "(column \(offset + 1)); fields: \(names)")
        }
    }

    /// Calls whose arguments name things outside the expression: seed tables and their columns.
    func checkCalls(_ e: Expression, line: Int, calendar: String?, _ r: inout Report) {
        guard let tables = referenceColumns else { return }
        let workingDays: Set<Function> = [.addWorkingDays, .workingDaysBetween, .isWorkingDay]
        if e.calls.contains(where: { workingDays.contains($0.function) }) {
            if let calendar {
                if !(tables[calendar]?.contains("tanggal") ?? false) {
                    r.err(line, id: "ungkapan '\(e.source)' menghitung hari kerja, tetapi kalender '\(calendar)' tidak ada di seed/ "
                          + "(tabel dengan kolom tanggal)",
                          en: "expression '\(e.source)' counts working days, but calendar '\(calendar)' is not in seed/ "
                          + "(a table with a tanggal column)")
                }
            } else {
                r.err(line, id: "ungkapan '\(e.source)' menghitung hari kerja tanpa kalender; sebut tabelnya dengan calendar=\"…\"",
                      en: "expression '\(e.source)' counts working days with no calendar; name its table with calendar=\"…\"")
            }
        }
        for call in e.calls where call.function == .lookup {
            guard let table = call.arguments[0].literalText else { continue }
            guard let columns = tables[table] else {
                let known = tables.keys.sorted().joined(separator: ", ")
                r.err(line, id: "ungkapan '\(e.source)': lookup() menyebut tabel '\(table)' yang tidak ada di seed/; tabel: \(known)",
                      en: "expression '\(e.source)': lookup() names table '\(table)', which is not in seed/; tables: \(known)")
                continue
            }
            for index in [1, 3] {
                guard let column = call.arguments[index].literalText, !columns.contains(column) else { continue }
                let known = columns.joined(separator: ", ")
                r.err(line, id: "ungkapan '\(e.source)': tabel '\(table)' tidak punya kolom '\(column)'; kolomnya: \(known)",
                      en: "expression '\(e.source)': table '\(table)' has no column '\(column)'; columns: \(known)")
            }
        }
    }
}

extension FormDefinition {
    /// The repeat group with this id, if there is one.
    public func group(_ id: String) -> RepeatGroup? {
        for item in items { if case .repeatGroup(let g) = item, g.id == id { return g } }
        return nil
    }
}
