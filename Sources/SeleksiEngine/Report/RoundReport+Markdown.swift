import SeleksiCore

extension RoundReport {
    /// The report as Markdown: the same sections as the HTML report, with tables where it draws charts.
    public func markdown(_ language: Language = .id) -> String {
        let r = ReportFormat(language: language)
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        func bar(_ n: Int, of whole: Int) -> String { whole == 0 ? "" : String(repeating: "█", count: Int((20 * Double(n) / Double(whole)).rounded())) }
        var out: [String] = []
        out += ["# \(r.t("Laporan putaran", "Round report")) #\(instance): \(cell(r.text(title)))", ""]
        out += ["\(cell(organisation)) · \(r.t("status", "state")): \(cell(r.text(state))) · "
                + r.t("dari log audit sampai baris \(auditRows)", "from the audit log up to row \(auditRows)")
                + (madeAt.seconds > 0 ? " · \(r.t("dibuat", "made")) \(r.moment(madeAt)) WIB" : ""), ""]

        out += ["## \(r.t("Ringkasan", "Summary"))", "", "| | \(r.t("Jumlah", "Count")) |", "|---|---:|"]
        out.append("| \(cell(r.text(childTitle))) | \(r.count(applicants)) |")
        for o in others { out.append("| \(cell(r.text(o.title))) (\(r.t("dihitung terpisah", "counted apart"))) | \(r.count(o.count)) |") }
        if !sections.isEmpty, quotaTotal > 0 {
            out.append("| \(r.t("Kuota", "Quota")) | \(r.count(quotaTotal)) |")
            out.append("| \(r.t("Kuota terisi", "Places filled")) | \(r.count(filledTotal)) |")
        }

        if !funnel.isEmpty {
            out += ["", "## \(r.t("Corong seleksi", "Selection funnel"))", "",
                    "| \(r.t("Tahap", "Stage")) | \(r.t("Pelamar", "Applicants")) | \(r.t("dari yang terdaftar", "of those registered")) | |",
                    "|---|---:|---:|---|"]
            let first = funnel.first?.count ?? 0
            for s in funnel { out.append("| \(cell(r.text(s.label))) | \(r.count(s.count)) | \(r.percent(s.count, of: first)) | \(bar(s.count, of: first)) |") }
        }

        out += ["", "## \(r.t("Pelamar per status", "Applicants by state"))", "", "| \(r.t("Status", "State")) | \(r.t("Jumlah", "Count")) |", "|---|---:|"]
        for s in states { out.append("| \(cell(r.text(s.label))) | \(r.count(s.count)) |") }
        out.append("| **\(r.t("Jumlah", "Total"))** | **\(r.count(applicants))** |")
        for o in others {
            out += ["", "\(cell(r.text(o.title))):", "", "| \(r.t("Status", "State")) | \(r.t("Jumlah", "Count")) |", "|---|---:|"]
            for s in o.states { out.append("| \(cell(r.text(s.label))) | \(r.count(s.count)) |") }
        }

        if quotaTotal > 0 {
            out += ["", "## \(r.t("Kuota terisi per SKB", "Quota filled per SKB"))", "",
                    "| SKB | \(r.t("Kuota", "Quota")) | \(r.t("Terisi", "Filled")) | |", "|---|---:|---:|---|"]
            for s in sections where s.quotaTotal > 0 || s.filledTotal > 0 {
                out.append("| \(cell(s.name)) | \(s.quotaTotal) | \(s.filledTotal) | \(r.percent(s.filledTotal, of: s.quotaTotal)) |")
            }
            out.append("| **\(r.t("Jumlah", "Total"))** | **\(quotaTotal)** | **\(filledTotal)** | \(r.percent(filledTotal, of: quotaTotal)) |")
        }

        if !distributions.isEmpty {
            let category = categoryTitle.map(r.text) ?? r.t("Kelompok", "Group")
            out += ["", "## \(r.t("Sebaran", "Distribution of the")) \(cell(scoreTitle.map { r.lowerFirst(r.text($0)) } ?? r.t("skor", "score"))) \(r.t("per", "by")) \(cell(category.lowercased()))", "",
                    "| \(cell(category)) | n | \(r.t("Min", "Min")) | Median | \(r.t("Rata-rata", "Mean")) | \(r.t("Maks", "Max")) |", "|---|---:|---:|---:|---:|---:|"]
            for d in distributions {
                out.append("| \(cell(d.label)) | \(d.count) | \(r.number(d.minimum, digits: 2)) | \(r.number(d.median, digits: 2)) | \(r.number(d.mean, digits: 2)) | \(r.number(d.maximum, digits: 2)) |")
            }
            let width = distributions[0].bucketWidth, count = distributions[0].buckets.count
            out += ["", "| \(r.t("Rentang", "Range")) | " + distributions.map { cell($0.label) }.joined(separator: " | ") + " |",
                    "|---|" + String(repeating: "---:|", count: distributions.count)]
            for i in 0..<count {
                out.append("| \(r.bucket(i, width: width, count: count, maximum: scoreMaximum)) | " + distributions.map { String($0.buckets[i]) }.joined(separator: " | ") + " |")
            }
        }

        if !stages.isEmpty {
            out += ["", "## \(r.t("Lama di setiap tahap (hari)", "Time in each stage (days)"))", "",
                    "| \(r.t("Tahap", "Stage")) | \(r.t("Pelamar", "Applicants")) | Median | \(r.t("Rata-rata", "Mean")) |", "|---|---:|---:|---:|"]
            for s in stages { out.append("| \(cell(r.text(s.label))) | \(s.instances) | \(r.days(s.medianHours)) | \(r.days(s.meanHours)) |") }
        }
        if !timeline.isEmpty {
            out += ["", "## \(r.t("Linimasa putaran", "The round's timeline"))", "", "| \(r.t("Sejak", "Since")) | \(r.t("Status", "State")) |", "|---|---|"]
            for m in timeline { out.append("| \(r.moment(m.at)) | \(cell(r.text(m.label))) |") }
        }

        if !sections.isEmpty {
            out += ["", "## \(r.t("Per SKB", "Per SKB"))"]
            for s in sections {
                out += ["", "### \(cell(s.name))", "", r.t("Pelamar: \(s.applicants).", "Applicants: \(s.applicants).")]
                if !s.funnel.isEmpty {
                    out += ["", "| \(r.t("Tahap", "Stage")) | \(r.t("Pelamar", "Applicants")) |", "|---|---:|"]
                    for f in s.funnel { out.append("| \(cell(r.text(f.label))) | \(f.count) |") }
                }
                if !s.quota.isEmpty {
                    out += ["", "| \(cell(categoryTitle.map(r.text) ?? r.t("Kelompok", "Group"))) | \(r.t("Kuota", "Quota")) | \(r.t("Terisi", "Filled")) |", "|---|---:|---:|"]
                    for q in s.quota { out.append("| \(cell(q.label)) | \(q.quota) | \(q.filled) |") }
                }
                if !s.states.isEmpty {
                    out += ["", "| \(r.t("Status", "State")) | \(r.t("Jumlah", "Count")) |", "|---|---:|"]
                    for st in s.states { out.append("| \(cell(r.text(st.label))) | \(st.count) |") }
                }
            }
        }

        if !decisions.isEmpty {
            out += ["", "## \(r.t("Keputusan dan alasannya", "Decisions and their reasons"))", "",
                    "| \(r.t("Keputusan", "Decision")) | \(r.t("Nilai", "Value")) | \(r.t("Jumlah", "Count")) | \(r.t("Dengan alasan tertulis", "With a written reason")) |",
                    "|---|---|---:|---:|"]
            for d in decisions { out.append("| \(cell(d.name)) | \(cell(d.value)) | \(d.count) | \(d.withReason) |") }
        }
        if !raterScores.isEmpty {
            out += ["", "## \(r.t("Penilai: sebaran dan kesepakatan (alpha Krippendorff, interval)", "Raters: spread and agreement (Krippendorff's alpha, interval)"))", "",
                    "| \(r.t("Formulir", "Form")) | \(r.t("Komponen", "Component")) | \(r.t("Penilaian", "Ratings")) | Min | \(r.t("Rata-rata", "Mean")) | Median | \(r.t("Maks", "Max")) | Alpha |",
                    "|---|---|---:|---:|---:|---:|---:|---:|"]
            for s in raterScores {
                out.append("| \(s.form) | \(s.field) | \(s.ratings) | \(r.number(s.minimum, digits: 2)) | \(r.number(s.mean, digits: 2)) | \(r.number(s.median, digits: 2)) | \(r.number(s.maximum, digits: 2)) | \(s.alpha.map { r.number($0, digits: 2) } ?? "-") |")
            }
        }
        out += ["", r.t("Laporan ini tidak memuat data pribadi: hanya jumlah, skor tanpa nama, dan nama organisasi.",
                        "This report holds no personal data: counts, scores without names, and organisations only.")]
        return out.joined(separator: "\n") + "\n"
    }

    /// The report in Indonesian Markdown.
    public var markdown: String { markdown(.id) }
}
