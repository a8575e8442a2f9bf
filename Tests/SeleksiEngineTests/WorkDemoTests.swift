import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDemo
@testable import SeleksiEngine

/// Issue 9's "done when", on the demo run to 31 December: every rupiah paid is traced from the tutor's
/// attendance (Format 13) through the agreement's rate to the month's honorarium, one approved and closed
/// payment list of its SKB, the receipt (Format 16), and the UPT's total within its allocation; the year
/// holds a suspension, a resignation replaced from the reserve list and a dismissal through the sanctions.
@Suite("seleksi demo through the work phase")
struct WorkDemoTests {
    func number(_ v: Value?) -> Double? {
        if case .number(let n)? = v { return n }
        if case .string(let s)? = v { return Double(s) }
        return nil
    }

    func list(_ v: Value?) -> [Value] {
        if case .list(let l)? = v { return l }
        return []
    }

    @Test func everyRupiahIsTracedFromAttendanceToTheReceiptAndTheBudget() throws {
        let temp = TempFolder()
        var demo = try TutorBantuDemo(
            options: .init(
                database: temp.file("demo.sqlite"), outputFolder: temp.file("out"), applicants: 30, seed: 4,
                upt: "upt-bp-kalimantan-selatan", root: Repo.root)) { _ in }
        let summary = try demo.run()
        let engine = try Engine(path: temp.file("demo.sqlite"))
        #expect(try engine.verifyAudit().rows == summary.auditRows)

        // Month by month: hours from the sessions the tutor attended, the fee from the agreement.
        let months = try engine.list(InstanceFilter(workflow: "tb_bulan"), limit: Int.max)
        var paid: [Int64: Double] = [:]
        for month in months {
            let shown = try engine.show(month.id)
            let sheet = try #require(shown.forms["tb_presensi"])
            let taught = list(sheet["sesi"]).reduce(0.0) { total, row in
                guard case .record(let r) = row, r["kehadiran"] == .string("H") else { return total }
                return total + (number(r["jp"]) ?? 0)
            }
            #expect(number(month.variables["jp_diajar"]) == taught, "#\(month.id)")
            guard ["disahkan", "dibayar", "nihil"].contains(month.state) else { continue }
            let tutor = try #require(month.parent)
            let contract = try #require(try engine.show(tutor).forms["tb_kontrak"])
            let due: Double
            switch month.variables["program"]?.displayText {
            case "paud":
                let fee = try #require(number(contract["honor_per_bulan"]))
                due = (fee * min(taught, 30) / 30).rounded(.down)
            case "kursus":
                let package = try #require(number(contract["honor_paket"]))
                due = month.variables["akhir_paket"] == .bool(true) ? package : 0
            default:
                let rate = try #require(number(contract["tarif_per_jp"]))
                due = taught * rate
            }
            #expect(number(month.variables["honor_dasar"]) == due, "#\(month.id)")
            let fee = try #require(number(month.variables["honorarium"]))
            #expect(fee == due || fee == 0, "#\(month.id)")
            if month.state == "dibayar" {
                #expect(number(month.variables["dibayar"]) == fee && fee > 0 && fee == fee.rounded(), "#\(month.id)")
                paid[month.id] = fee
            }
        }
        #expect(!paid.isEmpty)

        // Each paid month is on exactly one approved and closed list of its SKB, which totals what it paid.
        let lists = try engine.list(InstanceFilter(workflow: "tb_skb_bulan"), limit: Int.max)
        var listed: [Int64: Int] = [:]
        var listsTotal = 0.0
        for l in lists {
            #expect(l.state == "selesai")
            var total = 0.0
            for line in list(l.variables["rincian_akhir"]) {
                guard case .record(let r) = line, let id = number(r["id"]).map(Int64.init), r["state"] == .string("dibayar"),
                      case .record(let vars)? = r["vars"] else { continue }
                #expect(months.first { $0.id == id }?.org == l.org)
                listed[id, default: 0] += 1
                total += number(vars["dibayar"]) ?? 0
            }
            #expect(number(l.variables["jumlah_dibayar"]) == total)
            listsTotal += total
        }
        #expect(listed.keys.sorted() == paid.keys.sorted())
        #expect(listed.values.allSatisfy { $0 == 1 })

        // The UPT's year: what the lists paid is what the months were paid, within the allocation.
        let year = try #require(try engine.list(InstanceFilter(workflow: "tb_pelaksanaan")).first)
        let total = paid.values.reduce(0, +)
        #expect(listsTotal == total)
        #expect(number(year.variables["terbayar"]) == total)
        #expect(total <= (number(year.variables["pagu"]) ?? 0))

        // The receipts written name the amount paid and the month's record.
        let folder = temp.file("out/dokumen")
        let receipts = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("kuitansi-") && $0.hasSuffix(".md") }
        #expect(!receipts.isEmpty)
        for name in receipts {
            let id = try #require(Int64(name.dropFirst("kuitansi-".count).dropLast(".md".count)))
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let amount = try #require(paid[id], "receipt for an unpaid month #\(id)")
            #expect(text.contains("**\(IndonesianFormat.rupiah(Int64(amount)))**") && text.contains("#\(id)"))
        }

        // The year's endings: a suspension lifted with its month unpaid, a resignation replaced from the
        // reserve list, and a dismissal after a written warning and a statement of dissatisfaction.
        var paths: [[String]] = []
        for tutor in try engine.list(InstanceFilter(workflow: "tb_pelamar", parent: summary.round), limit: Int.max) {
            paths.append(try engine.history(tutor.id).filter { $0.outcome == "accepted" }.compactMap(\.event))
        }
        func somePath(_ events: [String]) -> Bool { paths.contains { path in events.allSatisfy(path.contains) } }
        #expect(somePath(["ttd_pks", "skors", "pulihkan"]))
        #expect(somePath(["ttd_pks", "mundur"]))
        #expect(somePath(["gantikan", "ttd_pks"]))
        #expect(somePath(["ttd_pks", "tegur", "nyatakan_tidak_puas", "berhentikan"]))
        #expect(somePath(["ttd_pks", "tetapkan_jadwal", "daftarkan_rombel", "nilai_akhir", "kontrak_berakhir"]))
        #expect(months.contains { $0.variables["diskors"] == .bool(true) && $0.state == "nihil" })
    }
}
