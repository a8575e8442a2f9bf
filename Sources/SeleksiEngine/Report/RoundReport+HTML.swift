import SeleksiCore

extension RoundReport {
    /// The report as one self-contained HTML page: the figures a head of SKB reads first as charts (SVG
    /// drawn here, no script), the tables beside them, a section per SKB; prints on A4.
    public func html(_ language: Language = .id) -> String {
        let r = ReportFormat(language: language)
        let e = SVGChart.escape
        var body: [String] = [header(r)]
        body.append(tiles(r))
        if !others.isEmpty {
            let list = others.map { "\(r.text($0.title)) (\(r.count($0.count)))" }.joined(separator: ", ")
            body.append(
                note(
                    r.t(
                        "Pelamar dihitung terpisah dari anak lain putaran ini: ",
                        "Applicants are counted apart from the round's other children: ")
                        + list + "."))
        }
        if !funnel.isEmpty { body.append(funnelSection(r)) }

        let stateRows = states.map { [r.text($0.label), r.count($0.count)] }
        body.append(
            "<section><h2>\(e(r.t("Pelamar per status", "Applicants by state")))</h2>"
                + table(
                    [r.t("Status", "State"), r.t("Jumlah", "Count")], stateRows, numeric: [1],
                    total: [r.t("Jumlah", "Total"), r.count(applicants)]) + "</section>")

        if quotaTotal > 0 { body.append(quotaSection(r)) }
        if !distributions.isEmpty { body.append(distributionSection(r)) }
        if !stages.isEmpty { body.append(stageSection(r)) }
        if !timeline.isEmpty {
            let rows = timeline.map { [r.moment($0.at), r.text($0.label)] }
            body.append(
                "<section><h2>\(e(r.t("Linimasa putaran", "The round's timeline")))</h2>"
                    + table([r.t("Sejak (WIB)", "Since (WIB)"), r.t("Status", "State")], rows) + "</section>")
        }
        if !sections.isEmpty {
            body.append("<h2 class=\"break\">\(e(r.t("Per SKB", "Per SKB")))</h2>")
            for s in sections { body.append(sectionHTML(s, r)) }
        }
        if !decisions.isEmpty {
            let rows = decisions.map { [$0.name, $0.value, String($0.count), String($0.withReason)] }
            let head = [
                r.t("Keputusan", "Decision"), r.t("Nilai", "Value"), r.t("Jumlah", "Count"),
                r.t("Dengan alasan tertulis", "With a written reason"),
            ]
            body.append(
                "<section><h2>\(e(r.t("Keputusan dan alasannya", "Decisions and their reasons")))</h2>"
                    + table(head, rows, numeric: [2, 3]) + "</section>")
        }
        if !raterScores.isEmpty { body.append(raterSection(r)) }
        body.append(
            "<footer>"
                + e(
                    r.t(
                        "Laporan ini tidak memuat data pribadi: hanya jumlah, skor tanpa nama, dan nama organisasi.",
                        "This report holds no personal data: counts, scores without names, and organisations only."))
                + "</footer>")

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

    // MARK: Parts

    private func header(_ r: ReportFormat) -> String {
        let e = SVGChart.escape
        let made = madeAt.seconds > 0 ? " · \(e(r.t("dibuat", "made"))) \(e(r.moment(madeAt))) WIB" : ""
        return "<header><h1>\(e(r.t("Laporan putaran", "Round report"))) #\(instance)</h1>"
            + "<p class=\"subtitle\">\(e(r.text(title)))</p>"
            + "<p class=\"meta\">\(e(organisation)) · \(e(r.t("status", "state"))): <b>\(e(r.text(state)))</b> · "
            + e(r.t("dari log audit sampai baris \(auditRows)", "from the audit log up to row \(auditRows)")) + made
            + "</p></header>"
    }

    private func tiles(_ r: ReportFormat) -> String {
        var tiles: [(caption: String, figure: String)] = [(r.t("Pelamar", "Applicants"), r.count(applicants))]
        for o in others { tiles.append((r.text(o.title), r.count(o.count))) }
        if quotaTotal > 0 {
            tiles.append((r.t("Kuota", "Quota"), r.count(quotaTotal)))
            tiles.append(
                (
                    r.t("Kuota terisi", "Places filled"),
                    "\(r.count(filledTotal)) (\(r.percent(filledTotal, of: quotaTotal)))"
                ))
        }
        if let last = funnel.last { tiles.append((r.text(last.label), r.count(last.count))) }
        let cells = tiles.map {
            "<div class=\"tile\"><div class=\"figure\">\(SVGChart.escape($0.figure))</div>"
                + "<div class=\"caption\">\(SVGChart.escape($0.caption))</div></div>"
        }
        return "<section class=\"tiles\">" + cells.joined() + "</section>"
    }

    private func funnelSection(_ r: ReportFormat) -> String {
        let first = funnel.first!.count
        let bars = funnel.map {
            SVGChart.Bar(
                label: r.text($0.label), value: Double($0.count),
                note: "\(r.count($0.count)) · \(r.percent($0.count, of: first))")
        }
        let title = r.t("Corong seleksi", "Selection funnel")
        return section(
            title, chart: SVGChart.horizontalBars(bars, maximum: Double(max(first, 1)), title: title),
            note: r.t(
                "Pelamar yang pernah mencapai setiap tahap; persentase dari yang terdaftar.",
                "Applicants who ever reached each stage; percentages of those registered."))
    }

    private func quotaSection(_ r: ReportFormat) -> String {
        let rows = sections.filter { $0.quotaTotal > 0 || $0.filledTotal > 0 }
        let title = r.t("Kuota terisi per SKB", "Quota filled per SKB")
        let chart = SVGChart.quotaBars(
            rows.map { ($0.name, $0.quotaTotal, $0.filledTotal) }, title: title,
            filledLabel: r.t("terisi", "filled"), quotaLabel: r.t("kuota", "quota"))
        return section(
            title, chart: chart,
            note: r.t(
                "Terisi: pelamar yang kini memegang tempat (terpilih, ditetapkan atau berkontrak).",
                "Filled: applicants holding a place now (selected, appointed or contracted)."))
    }

    private func distributionSection(_ r: ReportFormat) -> String {
        let category = categoryTitle.map(r.text) ?? r.t("Kelompok", "Group")
        let score = scoreTitle.map { r.lowerFirst(r.text($0)) } ?? r.t("skor", "score")
        let heading = "\(r.t("Sebaran", "Distribution of the")) \(score) \(r.t("per", "by")) \(category.lowercased())"
        let charts = distributions.map { d -> String in
            // Each column is named by where its range starts; the note under the charts says how wide it is.
            let labels = (0..<d.buckets.count).map { String($0 * d.bucketWidth) }
            return SVGChart.histogram(
                d.buckets, labels: labels, title: "\(heading): \(d.label)",
                caption: "\(d.label) · n = \(d.count) · median \(r.number(d.median, digits: 2))")
        }.joined()
        let rows = distributions.map {
            [$0.label, String($0.count)] + [$0.minimum, $0.median, $0.mean, $0.maximum].map { r.number($0, digits: 2) }
        }
        let width = distributions[0].bucketWidth
        let rangeNote = r.t(
            "Setiap batang satu rentang \(width) poin, dinamai menurut awalnya (70 = 70–\(70 + width - 1)); yang terakhir sampai \(scoreMaximum).",
            "Each column is a range of \(width) points, named by its start (70 = 70–\(70 + width - 1)); the last reaches \(scoreMaximum)."
        )
        let head = [category, "n", "Min", "Median", r.t("Rata-rata", "Mean"), r.t("Maks", "Max")]
        return "<section><h2>\(SVGChart.escape(heading))</h2><div class=\"multiples\">\(charts)</div>" + note(rangeNote)
            + table(head, rows, numeric: [1, 2, 3, 4, 5]) + "</section>"
    }

    private func stageSection(_ r: ReportFormat) -> String {
        let bars = stages.map {
            SVGChart.Bar(
                label: r.text($0.label), value: $0.medianHours / 24,
                note: "\(r.days($0.medianHours)) \(r.t("hari", "days"))")
        }
        let rows = stages.map {
            [r.text($0.label), String($0.instances), r.days($0.medianHours), r.days($0.meanHours)]
        }
        let head = [
            r.t("Tahap", "Stage"), r.t("Pelamar", "Applicants"), r.t("Median (hari)", "Median (days)"),
            r.t("Rata-rata (hari)", "Mean (days)"),
        ]
        let chart = SVGChart.horizontalBars(
            bars, title: r.t("Lama di setiap tahap (median, hari)", "Time in each stage (median, days)"),
            labelWidth: 290)
        return section(
            r.t("Lama di setiap tahap", "Time in each stage"), chart: chart,
            note: r.t(
                "Median hari pelamar berada pada setiap status sebelum pindah.",
                "Median days applicants spent in each state before moving on."),
            table: table(head, rows, numeric: [1, 2, 3]))
    }

    private func raterSection(_ r: ReportFormat) -> String {
        let rows = raterScores.map {
            [$0.form, $0.field, String($0.ratings)]
                + [$0.minimum, $0.mean, $0.median, $0.maximum].map { r.number($0, digits: 2) }
                + [$0.alpha.map { r.number($0, digits: 2) } ?? "-"]
        }
        let head = [
            r.t("Formulir", "Form"), r.t("Komponen", "Component"), r.t("Penilaian", "Ratings"), "Min",
            r.t("Rata-rata", "Mean"),
            "Median", r.t("Maks", "Max"), "Alpha",
        ]
        return
            "<section><h2>\(SVGChart.escape(r.t("Penilai: sebaran dan kesepakatan", "Raters: spread and agreement")))</h2>"
            + table(head, rows, numeric: [2, 3, 4, 5, 6, 7])
            + note(
                r.t(
                    "Alpha Krippendorff (interval): 1 sepakat penuh, 0 seperti acak.",
                    "Krippendorff's alpha (interval): 1 full agreement, 0 as by chance.")) + "</section>"
    }

    private func sectionHTML(_ s: Section, _ r: ReportFormat) -> String {
        let e = SVGChart.escape
        var facts = ["\(e(r.t("Pelamar", "Applicants"))): <b>\(r.count(s.applicants))</b>"]
        if s.quotaTotal > 0 {
            facts.append("\(e(r.t("kuota terisi", "places filled"))): <b>\(s.filledTotal) / \(s.quotaTotal)</b>")
        }
        var parts = [
            "<section class=\"skb\"><h3>\(e(s.name))</h3>",
            "<p>" + facts.joined(separator: " · ") + "</p><div class=\"pair\">",
        ]
        if !s.funnel.isEmpty {
            let first = max(1, s.funnel.first?.count ?? 1)
            let bars = s.funnel.map {
                SVGChart.Bar(label: r.text($0.label), value: Double($0.count), note: r.count($0.count))
            }
            parts.append(
                "<div>"
                    + SVGChart.horizontalBars(
                        bars, maximum: Double(first), title: "\(r.t("Corong seleksi", "Selection funnel")): \(s.name)",
                        width: 400, labelWidth: 170, noteWidth: 40) + "</div>")
        }
        if !s.quota.isEmpty {
            let head = [
                categoryTitle.map(r.text) ?? r.t("Kelompok", "Group"), r.t("Kuota", "Quota"), r.t("Terisi", "Filled"),
            ]
            parts.append(
                "<div>"
                    + table(head, s.quota.map { [$0.label, String($0.quota), String($0.filled)] }, numeric: [1, 2])
                    + "</div>")
        }
        parts.append("</div>")
        if !s.states.isEmpty {
            parts.append(
                table(
                    [r.t("Status", "State"), r.t("Jumlah", "Count")],
                    s.states.map { [r.text($0.label), String($0.count)] },
                    numeric: [1]))
        }
        parts.append("</section>")
        return parts.joined()
    }

    // MARK: Pieces

    private func section(_ heading: String, chart: String, note text: String, table: String = "") -> String {
        "<section><h2>\(SVGChart.escape(heading))</h2>\(chart)\(note(text))\(table)</section>"
    }

    private func note(_ text: String) -> String { "<p class=\"note\">\(SVGChart.escape(text))</p>" }

    /// A table of plain cells (escaped here), numbers right-aligned, with an optional total row.
    private func table(_ head: [String], _ rows: [[String]], numeric: Set<Int> = [], total: [String]? = nil) -> String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map {
                "<\(tag)\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(SVGChart.escape($0.element))</\(tag)>"
            }.joined()
        }
        let bodyRows =
            rows.map { "<tr>\(cells($0, tag: "td"))</tr>" }
            + (total.map { ["<tr class=\"total\">\(cells($0, tag: "td"))</tr>"] } ?? [])
        return "<table><thead><tr>\(cells(head, tag: "th"))</tr></thead><tbody>\(bodyRows.joined())</tbody></table>"
    }

    static let css = """
        @page { size: A4; margin: 16mm 14mm; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #1f2933;
               max-width: 190mm; margin: 0 auto; }
        h1 { font-size: 18pt; margin: 0 0 2pt; }
        h2 { font-size: 13pt; margin: 18pt 0 6pt; border-bottom: 1px solid #cbd2d9; padding-bottom: 2pt; }
        h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
        .subtitle { font-size: 12pt; margin: 0; }
        .meta, .note, footer { color: #52606d; font-size: 9pt; }
        .tiles { display: flex; flex-wrap: wrap; gap: 8pt; margin: 10pt 0; }
        .tile { border: 1px solid #cbd2d9; border-radius: 4pt; padding: 6pt 10pt; min-width: 90pt; }
        .figure { font-size: 15pt; font-weight: bold; }
        .caption { font-size: 8.5pt; color: #52606d; }
        table { border-collapse: collapse; margin: 6pt 0; font-size: 9.5pt; }
        th, td { border-bottom: 1px solid #e4e7eb; padding: 2pt 8pt 2pt 0; text-align: left; vertical-align: top; }
        th { border-bottom: 1px solid #9aa5b1; }
        .n { text-align: right; }
        tr.total td { font-weight: bold; border-top: 1px solid #9aa5b1; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 4pt 0; }
        .multiples { display: flex; flex-wrap: wrap; gap: 6pt; }
        .multiples svg.chart { display: inline-block; }
        .pair { display: flex; gap: 12pt; align-items: flex-start; flex-wrap: wrap; }
        section, .skb { break-inside: avoid; }
        h2.break { break-before: page; }
        footer { margin-top: 18pt; border-top: 1px solid #cbd2d9; padding-top: 4pt; }
        """
}
