import SeleksiCore

extension RoundReport {
    /// The report as one self-contained HTML page: the figures a head of SKB reads first as charts (SVG
    /// drawn here, no script), the tables beside them, a section per SKB; prints on A4.
    public func html(_ language: Language = .id) -> String {
        let r = ReportFormat(language: language)
        let e = SVGChart.escape
        var body: [String] = []
        body.append("<header><h1>\(e(r.t("Laporan putaran", "Round report"))) #\(instance)</h1>")
        body.append("<p class=\"subtitle\">\(e(r.text(title)))</p>")
        body.append("<p class=\"meta\">\(e(organisation)) · \(e(r.t("status", "state"))): <b>\(e(r.text(state)))</b> · "
                    + e(r.t("dari log audit sampai baris \(auditRows)", "from the audit log up to row \(auditRows)"))
                    + (madeAt.seconds > 0 ? " · \(e(r.t("dibuat", "made"))) \(e(r.moment(madeAt))) WIB" : "") + "</p></header>")

        // Summary figures.
        var tiles: [(String, String)] = [(r.t("Pelamar", "Applicants"), r.count(applicants))]
        for o in others { tiles.append((r.text(o.title), r.count(o.count))) }
        if quotaTotal > 0 {
            tiles.append((r.t("Kuota", "Quota"), r.count(quotaTotal)))
            tiles.append((r.t("Kuota terisi", "Places filled"), "\(r.count(filledTotal)) (\(r.percent(filledTotal, of: quotaTotal)))"))
        }
        if let last = funnel.last { tiles.append((r.text(last.label), r.count(last.count))) }
        body.append("<section class=\"tiles\">" + tiles.map { "<div class=\"tile\"><div class=\"figure\">\(e($0.1))</div><div class=\"caption\">\(e($0.0))</div></div>" }.joined() + "</section>")
        if !others.isEmpty {
            body.append("<p class=\"note\">" + e(r.t("Pelamar dihitung terpisah dari anak lain putaran ini: ", "Applicants are counted apart from the round's other children: "))
                        + others.map { e(r.text($0.title)) + " (\(r.count($0.count)))" }.joined(separator: ", ") + ".</p>")
        }

        if !funnel.isEmpty {
            let first = funnel.first!.count
            let bars = funnel.map { SVGChart.Bar(label: r.text($0.label), value: Double($0.count), note: "\(r.count($0.count)) · \(r.percent($0.count, of: first))") }
            body.append(section(r.t("Corong seleksi", "Selection funnel"),
                                chart: SVGChart.horizontalBars(bars, maximum: Double(max(first, 1)), title: r.t("Corong seleksi", "Selection funnel")),
                                note: r.t("Pelamar yang pernah mencapai setiap tahap; persentase dari yang terdaftar.",
                                          "Applicants who ever reached each stage; percentages of those registered.")))
        }

        var stateRows = states.map { "<tr><td>\(e(r.text($0.label)))</td><td class=\"n\">\(r.count($0.count))</td></tr>" }
        stateRows.append("<tr class=\"total\"><td>\(e(r.t("Jumlah", "Total")))</td><td class=\"n\">\(r.count(applicants))</td></tr>")
        body.append("<section><h2>\(e(r.t("Pelamar per status", "Applicants by state")))</h2>"
                    + table([r.t("Status", "State"), r.t("Jumlah", "Count")], stateRows, numeric: [1]) + "</section>")

        if quotaTotal > 0 {
            let rows = sections.filter { $0.quotaTotal > 0 || $0.filledTotal > 0 }
            let chart = SVGChart.quotaBars(rows.map { ($0.name, $0.quotaTotal, $0.filledTotal) }, title: r.t("Kuota terisi per SKB", "Quota filled per SKB"),
                                           filledLabel: r.t("terisi", "filled"), quotaLabel: r.t("kuota", "quota"))
            body.append(section(r.t("Kuota terisi per SKB", "Quota filled per SKB"), chart: chart,
                                note: r.t("Terisi: pelamar yang kini memegang tempat (terpilih, ditetapkan atau berkontrak).",
                                          "Filled: applicants holding a place now (selected, appointed or contracted).")))
        }

        if !distributions.isEmpty {
            let category = categoryTitle.map(r.text) ?? r.t("Kelompok", "Group")
            let heading = "\(r.t("Sebaran", "Distribution of the")) \(scoreTitle.map { r.lowerFirst(r.text($0)) } ?? r.t("skor", "score")) \(r.t("per", "by")) \(category.lowercased())"
            let charts = distributions.map { d -> String in
                // Each column is named by where its range starts; the caption under the charts says how wide it is.
                let labels = (0..<d.buckets.count).map { String($0 * d.bucketWidth) }
                return SVGChart.histogram(d.buckets, labels: labels, title: "\(heading): \(d.label)",
                                          caption: "\(d.label) · n = \(d.count) · median \(r.number(d.median, digits: 2))")
            }.joined()
            let rows = distributions.map {
                "<tr><td>\(e($0.label))</td><td class=\"n\">\($0.count)</td><td class=\"n\">\(r.number($0.minimum, digits: 2))</td><td class=\"n\">\(r.number($0.median, digits: 2))</td><td class=\"n\">\(r.number($0.mean, digits: 2))</td><td class=\"n\">\(r.number($0.maximum, digits: 2))</td></tr>"
            }
            let width = distributions[0].bucketWidth
            let rangeNote = r.t("Setiap batang satu rentang \(width) poin, dinamai menurut awalnya (70 = 70–\(70 + width - 1)); yang terakhir sampai \(scoreMaximum).",
                                "Each column is a range of \(width) points, named by its start (70 = 70–\(70 + width - 1)); the last reaches \(scoreMaximum).")
            body.append("<section><h2>\(e(heading))</h2><div class=\"multiples\">\(charts)</div><p class=\"note\">\(e(rangeNote))</p>"
                        + table([category, "n", "Min", "Median", r.t("Rata-rata", "Mean"), r.t("Maks", "Max")], rows, numeric: [1, 2, 3, 4, 5]) + "</section>")
        }

        if !stages.isEmpty {
            let bars = stages.map { SVGChart.Bar(label: r.text($0.label), value: $0.medianHours / 24, note: "\(r.days($0.medianHours)) \(r.t("hari", "days"))") }
            let rows = stages.map { "<tr><td>\(e(r.text($0.label)))</td><td class=\"n\">\($0.instances)</td><td class=\"n\">\(r.days($0.medianHours))</td><td class=\"n\">\(r.days($0.meanHours))</td></tr>" }
            body.append(section(r.t("Lama di setiap tahap", "Time in each stage"),
                                chart: SVGChart.horizontalBars(bars, title: r.t("Lama di setiap tahap (median, hari)", "Time in each stage (median, days)"),
                                                               labelWidth: 290),
                                note: r.t("Median hari pelamar berada pada setiap status sebelum pindah.", "Median days applicants spent in each state before moving on."),
                                table: table([r.t("Tahap", "Stage"), r.t("Pelamar", "Applicants"), r.t("Median (hari)", "Median (days)"), r.t("Rata-rata (hari)", "Mean (days)")],
                                             rows, numeric: [1, 2, 3])))
        }
        if !timeline.isEmpty {
            let rows = timeline.map { "<tr><td>\(e(r.moment($0.at)))</td><td>\(e(r.text($0.label)))</td></tr>" }
            body.append("<section><h2>\(e(r.t("Linimasa putaran", "The round's timeline")))</h2>" + table([r.t("Sejak (WIB)", "Since (WIB)"), r.t("Status", "State")], rows) + "</section>")
        }

        if !sections.isEmpty {
            body.append("<h2 class=\"break\">\(e(r.t("Per SKB", "Per SKB")))</h2>")
            for s in sections { body.append(sectionHTML(s, r)) }
        }

        if !decisions.isEmpty {
            let rows = decisions.map { "<tr><td>\(e($0.name))</td><td>\(e($0.value))</td><td class=\"n\">\($0.count)</td><td class=\"n\">\($0.withReason)</td></tr>" }
            body.append("<section><h2>\(e(r.t("Keputusan dan alasannya", "Decisions and their reasons")))</h2>"
                        + table([r.t("Keputusan", "Decision"), r.t("Nilai", "Value"), r.t("Jumlah", "Count"), r.t("Dengan alasan tertulis", "With a written reason")],
                                rows, numeric: [2, 3]) + "</section>")
        }
        if !raterScores.isEmpty {
            let rows = raterScores.map {
                "<tr><td>\(e($0.form))</td><td>\(e($0.field))</td><td class=\"n\">\($0.ratings)</td><td class=\"n\">\(r.number($0.minimum, digits: 2))</td><td class=\"n\">\(r.number($0.mean, digits: 2))</td><td class=\"n\">\(r.number($0.median, digits: 2))</td><td class=\"n\">\(r.number($0.maximum, digits: 2))</td><td class=\"n\">\($0.alpha.map { r.number($0, digits: 2) } ?? "-")</td></tr>"
            }
            body.append("<section><h2>\(e(r.t("Penilai: sebaran dan kesepakatan", "Raters: spread and agreement")))</h2>"
                        + table([r.t("Formulir", "Form"), r.t("Komponen", "Component"), r.t("Penilaian", "Ratings"), "Min", r.t("Rata-rata", "Mean"), "Median",
                                 r.t("Maks", "Max"), "Alpha"], rows, numeric: [2, 3, 4, 5, 6, 7])
                        + "<p class=\"note\">\(e(r.t("Alpha Krippendorff (interval): 1 sepakat penuh, 0 seperti acak.", "Krippendorff's alpha (interval): 1 full agreement, 0 as by chance.")))</p></section>")
        }
        body.append("<footer>\(e(r.t("Laporan ini tidak memuat data pribadi: hanya jumlah, skor tanpa nama, dan nama organisasi.", "This report holds no personal data: counts, scores without names, and organisations only.")))</footer>")

        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <title>\(e(r.t("Laporan putaran", "Round report"))) #\(instance) — \(e(organisation))</title>
            <style>\(Self.css)</style></head>
            <body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    private func sectionHTML(_ s: Section, _ r: ReportFormat) -> String {
        let e = SVGChart.escape
        var parts = ["<section class=\"skb\"><h3>\(e(s.name))</h3>"]
        var facts = ["\(r.t("Pelamar", "Applicants")): <b>\(r.count(s.applicants))</b>"]
        if s.quotaTotal > 0 { facts.append("\(r.t("kuota terisi", "places filled")): <b>\(s.filledTotal) / \(s.quotaTotal)</b>") }
        parts.append("<p>" + facts.joined(separator: " · ") + "</p><div class=\"pair\">")
        if !s.funnel.isEmpty {
            let first = max(1, s.funnel.first?.count ?? 1)
            let bars = s.funnel.map { SVGChart.Bar(label: r.text($0.label), value: Double($0.count), note: r.count($0.count)) }
            parts.append("<div>" + SVGChart.horizontalBars(bars, maximum: Double(first), title: "\(r.t("Corong seleksi", "Selection funnel")): \(s.name)",
                                                           width: 400, labelWidth: 170, noteWidth: 40) + "</div>")
        }
        if !s.quota.isEmpty {
            let rows = s.quota.map { "<tr><td>\(e($0.label))</td><td class=\"n\">\($0.quota)</td><td class=\"n\">\($0.filled)</td></tr>" }
            parts.append("<div>" + table([categoryTitle.map(r.text) ?? r.t("Kelompok", "Group"), r.t("Kuota", "Quota"), r.t("Terisi", "Filled")], rows,
                                         numeric: [1, 2]) + "</div>")
        }
        parts.append("</div>")
        if !s.states.isEmpty {
            let rows = s.states.map { "<tr><td>\(e(r.text($0.label)))</td><td class=\"n\">\($0.count)</td></tr>" }
            parts.append(table([r.t("Status", "State"), r.t("Jumlah", "Count")], rows, numeric: [1]))
        }
        parts.append("</section>")
        return parts.joined()
    }

    private func section(_ heading: String, chart: String, note: String, table: String = "") -> String {
        "<section><h2>\(SVGChart.escape(heading))</h2>\(chart)<p class=\"note\">\(SVGChart.escape(note))</p>\(table)</section>"
    }

    private func table(_ head: [String], _ rows: [String], numeric: Set<Int> = []) -> String {
        let cells = head.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(SVGChart.escape($0.element))</th>" }.joined()
        return "<table><thead><tr>\(cells)</tr></thead><tbody>\(rows.joined())</tbody></table>"
    }

    static let css = """
        @page { size: A4; margin: 16mm 14mm; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1f2933; max-width: 190mm; margin: 0 auto; }
        h1 { font-size: 18pt; margin: 0 0 2pt; } h2 { font-size: 13pt; margin: 18pt 0 6pt; border-bottom: 1px solid #cbd2d9; padding-bottom: 2pt; }
        h3 { font-size: 11.5pt; margin: 12pt 0 4pt; } .subtitle { font-size: 12pt; margin: 0; } .meta, .note, footer { color: #52606d; font-size: 9pt; }
        .tiles { display: flex; flex-wrap: wrap; gap: 8pt; margin: 10pt 0; } .tile { border: 1px solid #cbd2d9; border-radius: 4pt; padding: 6pt 10pt; min-width: 90pt; }
        .figure { font-size: 15pt; font-weight: bold; } .caption { font-size: 8.5pt; color: #52606d; }
        table { border-collapse: collapse; margin: 6pt 0; font-size: 9.5pt; } th, td { border-bottom: 1px solid #e4e7eb; padding: 2pt 8pt 2pt 0; text-align: left; vertical-align: top; }
        th { border-bottom: 1px solid #9aa5b1; } .n { text-align: right; } tr.total td { font-weight: bold; border-top: 1px solid #9aa5b1; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 4pt 0; } .multiples { display: flex; flex-wrap: wrap; gap: 6pt; }
        .multiples svg.chart { display: inline-block; } .pair { display: flex; gap: 12pt; align-items: flex-start; flex-wrap: wrap; }
        section, .skb { break-inside: avoid; } h2.break { break-before: page; } footer { margin-top: 18pt; border-top: 1px solid #cbd2d9; padding-top: 4pt; }
        """
}
