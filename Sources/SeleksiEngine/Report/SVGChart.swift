/// Small charts drawn as SVG inside an HTML page: no script, no external file, readable when printed.
/// Every text placed in a chart is escaped; long labels are shortened with an ellipsis (the tables
/// beside each chart carry them whole).
enum SVGChart {
    static let ink = "#1f2933", muted = "#7b8794", grid = "#e4e7eb"
    static let bar = "#2f6f9f", barLight = "#c8dcec", good = "#3f8f5b", warn = "#c0392b"

    /// A row of a bar chart: a label, the bar's value, and the text written after the bar.
    struct Bar {
        let label: String
        let value: Double
        let note: String
        var color: String = SVGChart.bar
    }

    /// Horizontal bars, one per row, scaled to the largest value (or `maximum`).
    static func horizontalBars(
        _ rows: [Bar], maximum: Double? = nil, title: String, width: Int = 680, labelWidth: Int = 250,
        noteWidth: Int = 110
    ) -> String {
        let rowHeight = 24
        let top = 8
        let height = top + rows.count * rowHeight + 8
        let scaleMax = max(maximum ?? rows.map(\.value).max() ?? 1, 1e-9)
        let plot = Double(width - labelWidth - noteWidth - 10)
        var out = open(width: width, height: height, title: title)
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight
            let length = max(0, plot * row.value / scaleMax)
            out += text(x: labelWidth - 8, y: y + 16, row.label, anchor: "end", limit: labelWidth * 10 / 68)
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(f(plot))\" height=\"16\" fill=\"\(grid)\"/>"
            out +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(f(length))\" height=\"16\" fill=\"\(row.color)\"/>"
            out += text(x: labelWidth + Int(plot) + 8, y: y + 16, row.note, anchor: "start", limit: noteWidth / 6)
        }
        return out + "</svg>"
    }

    /// Quota against places filled, per row: the quota as a light bar, the filled places over it.
    static func quotaBars(
        _ rows: [(label: String, quota: Int, filled: Int)], title: String, filledLabel: String, quotaLabel: String,
        width: Int = 680, labelWidth: Int = 230
    ) -> String {
        let rowHeight = 24
        let top = 30
        let height = top + rows.count * rowHeight + 8
        let scaleMax = Double(max(1, rows.map { max($0.quota, $0.filled) }.max() ?? 1))
        let plot = Double(width - labelWidth - 90)
        var out = open(width: width, height: height, title: title)
        out += "<rect x=\"\(labelWidth)\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(barLight)\"/>"
        out += text(x: labelWidth + 18, y: 18, quotaLabel, anchor: "start", limit: 30)
        out += "<rect x=\"\(labelWidth + 150)\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(good)\"/>"
        out += text(x: labelWidth + 168, y: 18, filledLabel, anchor: "start", limit: 30)
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight
            let quota = plot * Double(row.quota) / scaleMax
            let filled = plot * Double(row.filled) / scaleMax
            out += text(x: labelWidth - 8, y: y + 16, row.label, anchor: "end", limit: labelWidth * 10 / 68)
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(f(quota))\" height=\"18\" fill=\"\(barLight)\"/>"
            let color = row.filled > row.quota ? warn : good
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 7)\" width=\"\(f(filled))\" height=\"10\" fill=\"\(color)\"/>"
            out += text(
                x: labelWidth + Int(plot) + 8, y: y + 16, "\(row.filled) / \(row.quota)", anchor: "start", limit: 12)
        }
        return out + "</svg>"
    }

    /// Columns over buckets (a histogram), with the count over each column and the bucket under it.
    static func histogram(
        _ counts: [Int], labels: [String], title: String, caption: String, width: Int = 330, height: Int = 170
    ) -> String {
        let left = 8
        let bottom = 30
        let top = 40
        let plotHeight = Double(height - bottom - top)
        let column = Double(width - left * 2) / Double(max(1, counts.count))
        let most = Double(max(1, counts.max() ?? 1))
        var out = open(width: width, height: height, title: title)
        out += text(x: left, y: 16, caption, anchor: "start", limit: width / 7, bold: true)
        out +=
            "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - left)\" y2=\"\(height - bottom)\" stroke=\"\(muted)\"/>"
        for (i, n) in counts.enumerated() {
            let h = plotHeight * Double(n) / most
            let x = Double(left) + Double(i) * column
            out +=
                "<rect x=\"\(f(x + 2))\" y=\"\(f(Double(height - bottom) - h))\" width=\"\(f(column - 4))\" height=\"\(f(h))\" fill=\"\(bar)\"/>"
            if n > 0 {
                out += text(
                    x: Int(x + column / 2), y: Int(Double(height - bottom) - h) - 3, "\(n)", anchor: "middle", limit: 6,
                    size: 10)
            }
            let label = i < labels.count ? labels[i] : ""
            out += text(
                x: Int(x + column / 2), y: height - bottom + 13, label, anchor: "middle", limit: 8, size: 9,
                color: muted)
        }
        return out + "</svg>"
    }

    // MARK: Pieces

    static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
            + "role=\"img\" aria-label=\"\(escape(title))\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\">"
            + "<title>\(escape(title))</title>"
    }

    static func text(
        x: Int, y: Int, _ s: String, anchor: String, limit: Int, size: Int = 12, color: String = ink, bold: Bool = false
    ) -> String {
        let shown = s.count > limit ? String(s.prefix(max(1, limit - 1))) + "…" : s
        return
            "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" fill=\"\(color)\"\(bold ? " font-weight=\"bold\"" : "")>"
            + escape(shown) + "</text>"
    }

    static func f(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Text safe inside SVG and HTML: markup characters become entities.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters have no place in a report.
                if let a = c.asciiValue, a < 32 { out += " " } else { out.append(c) }
            }
        }
        return out
    }
}
