import SeleksiCore

extension RoundReport {
    /// The report as Markdown: the same sections as the HTML report, with tables where it draws charts.
    public func markdown(_ language: Language = .id) -> String {
        let r = ReportFormat(language: language)
        var out: [String] = []
        func table(_ head: [String], _ rows: [[String]], numeric: Set<Int> = []) {
            out.append(Self.row(head))
            out.append("|" + head.indices.map { numeric.contains($0) ? "---:|" : "---|" }.joined())
            out += rows.map(Self.row)
        }
        func heading(_ text: String) { out += ["", "## \(Self.cell(text))", ""] }

        out += ["# \(r.t("Laporan putaran", "Round report")) #\(instance): \(Self.cell(r.text(title)))", ""]
        let made = madeAt.seconds > 0 ? " · \(r.t("dibuat", "made")) \(r.moment(madeAt)) WIB" : ""
        out.append(
            "\(Self.cell(organisation)) · \(r.t("status", "state")): \(Self.cell(r.text(state))) · "
                + r.t("dari log audit sampai baris \(auditRows)", "from the audit log up to row \(auditRows)") + made)

        heading(r.t("Ringkasan", "Summary"))
        var summary = [[r.t("Pelamar", "Applicants") + " (\(r.text(childTitle)))", r.count(applicants)]]
        summary += others.map {
            [r.text($0.title) + " (\(r.t("dihitung terpisah", "counted apart")))", r.count($0.count)]
        }
        if quotaTotal > 0 {
            summary += [
                [r.t("Kuota", "Quota"), r.count(quotaTotal)],
                [r.t("Kuota terisi", "Places filled"), r.count(filledTotal)],
            ]
        }
        table(["", r.t("Jumlah", "Count")], summary, numeric: [1])

        if !funnel.isEmpty {
            heading(r.t("Corong seleksi", "Selection funnel"))
            let first = funnel.first?.count ?? 0
            let rows = funnel.map {
                [r.text($0.label), r.count($0.count), r.percent($0.count, of: first), Self.bar($0.count, of: first)]
            }
            table(
                [
                    r.t("Tahap", "Stage"), r.t("Pelamar", "Applicants"),
                    r.t("dari yang terdaftar", "of those registered"), "",
                ], rows,
                numeric: [1, 2])
        }

        heading(r.t("Pelamar per status", "Applicants by state"))
        table(
            [r.t("Status", "State"), r.t("Jumlah", "Count")],
            states.map { [r.text($0.label), r.count($0.count)] } + [
                ["**\(r.t("Jumlah", "Total"))**", "**\(r.count(applicants))**"]
            ],
            numeric: [1])
        for o in others {
            out += ["", "\(Self.cell(r.text(o.title))):", ""]
            table(
                [r.t("Status", "State"), r.t("Jumlah", "Count")],
                o.states.map { [r.text($0.label), r.count($0.count)] }, numeric: [1])
        }

        if quotaTotal > 0 {
            heading(r.t("Kuota terisi per SKB", "Quota filled per SKB"))
            let rows = sections.filter { $0.quotaTotal > 0 || $0.filledTotal > 0 }.map {
                [$0.name, String($0.quotaTotal), String($0.filledTotal), r.percent($0.filledTotal, of: $0.quotaTotal)]
            }
            let total = [
                "**\(r.t("Jumlah", "Total"))**", "**\(quotaTotal)**", "**\(filledTotal)**",
                r.percent(filledTotal, of: quotaTotal),
            ]
            table(["SKB", r.t("Kuota", "Quota"), r.t("Terisi", "Filled"), ""], rows + [total], numeric: [1, 2, 3])
        }

        if !distributions.isEmpty {
            let category = categoryTitle.map(r.text) ?? r.t("Kelompok", "Group")
            let score = scoreTitle.map { r.lowerFirst(r.text($0)) } ?? r.t("skor", "score")
            heading("\(r.t("Sebaran", "Distribution of the")) \(score) \(r.t("per", "by")) \(category.lowercased())")
            table(
                [category, "n", "Min", "Median", r.t("Rata-rata", "Mean"), r.t("Maks", "Max")],
                distributions.map {
                    [$0.label, String($0.count)]
                        + [$0.minimum, $0.median, $0.mean, $0.maximum].map { r.number($0, digits: 2) }
                },
                numeric: [1, 2, 3, 4, 5])
            out.append("")
            let width = distributions[0].bucketWidth
            let count = distributions[0].buckets.count
            let rows = (0..<count).map { i in
                [r.bucket(i, width: width, count: count, maximum: scoreMaximum)]
                    + distributions.map { String($0.buckets[i]) }
            }
            table([r.t("Rentang", "Range")] + distributions.map(\.label), rows, numeric: Set(1...distributions.count))
        }

        if !stages.isEmpty {
            heading(r.t("Lama di setiap tahap (hari)", "Time in each stage (days)"))
            table(
                [r.t("Tahap", "Stage"), r.t("Pelamar", "Applicants"), "Median", r.t("Rata-rata", "Mean")],
                stages.map { [r.text($0.label), String($0.instances), r.days($0.medianHours), r.days($0.meanHours)] },
                numeric: [1, 2, 3])
        }
        if !timeline.isEmpty {
            heading(r.t("Linimasa putaran", "The round's timeline"))
            table(
                [r.t("Sejak (WIB)", "Since (WIB)"), r.t("Status", "State")],
                timeline.map { [r.moment($0.at), r.text($0.label)] })
        }

        if !sections.isEmpty {
            heading(r.t("Per SKB", "Per SKB"))
            for s in sections {
                out += [
                    "### \(Self.cell(s.name))", "", r.t("Pelamar: \(s.applicants).", "Applicants: \(s.applicants)."),
                ]
                if !s.funnel.isEmpty {
                    out.append("")
                    table(
                        [r.t("Tahap", "Stage"), r.t("Pelamar", "Applicants")],
                        s.funnel.map { [r.text($0.label), String($0.count)] }, numeric: [1])
                }
                if !s.quota.isEmpty {
                    out.append("")
                    table(
                        [
                            categoryTitle.map(r.text) ?? r.t("Kelompok", "Group"), r.t("Kuota", "Quota"),
                            r.t("Terisi", "Filled"),
                        ],
                        s.quota.map { [$0.label, String($0.quota), String($0.filled)] }, numeric: [1, 2])
                }
                if !s.states.isEmpty {
                    out.append("")
                    table(
                        [r.t("Status", "State"), r.t("Jumlah", "Count")],
                        s.states.map { [r.text($0.label), String($0.count)] }, numeric: [1])
                }
                out.append("")
            }
        }

        if !decisions.isEmpty {
            heading(r.t("Keputusan dan alasannya", "Decisions and their reasons"))
            table(
                [
                    r.t("Keputusan", "Decision"), r.t("Nilai", "Value"), r.t("Jumlah", "Count"),
                    r.t("Dengan alasan tertulis", "With a written reason"),
                ],
                decisions.map { [$0.name, $0.value, String($0.count), String($0.withReason)] }, numeric: [2, 3])
        }
        if !raterScores.isEmpty {
            heading(
                r.t(
                    "Penilai: sebaran dan kesepakatan (alpha Krippendorff, interval)",
                    "Raters: spread and agreement (Krippendorff's alpha, interval)"))
            let rows = raterScores.map {
                [$0.form, $0.field, String($0.ratings)]
                    + [$0.minimum, $0.mean, $0.median, $0.maximum].map { r.number($0, digits: 2) }
                    + [$0.alpha.map { r.number($0, digits: 2) } ?? "-"]
            }
            table(
                [
                    r.t("Formulir", "Form"), r.t("Komponen", "Component"), r.t("Penilaian", "Ratings"), "Min",
                    r.t("Rata-rata", "Mean"), "Median",
                    r.t("Maks", "Max"), "Alpha",
                ], rows, numeric: [2, 3, 4, 5, 6, 7])
        }
        out += [
            "",
            r.t(
                "Laporan ini tidak memuat data pribadi: hanya jumlah, skor tanpa nama, dan nama organisasi.",
                "This report holds no personal data: counts, scores without names, and organisations only."),
        ]
        return out.joined(separator: "\n") + "\n"
    }

    /// The report in Indonesian Markdown.
    public var markdown: String { markdown(.id) }

    /// A table cell: a pipe or a line break in a name cannot break the table. Most cells (every number)
    /// hold neither, and are returned as they are after a look at their bytes: Foundation's replacing
    /// was most of a round report's tables (45,118 cells, 428 M instructions in the national demo at 300).
    static func cell(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") }) else { return s }
        return s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |" }

    /// A bar of up to 20 blocks for `n` of `whole`.
    static func bar(_ n: Int, of whole: Int) -> String {
        whole == 0 ? "" : String(repeating: "█", count: Int((20 * Double(n) / Double(whole)).rounded()))
    }
}
