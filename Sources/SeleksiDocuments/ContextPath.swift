import SeleksiCore

/// A dotted path into a document context (`forms.tb_sk_tim.nomor`), where `*` stands for every element
/// of a list or every value of a record, and `.` alone for the whole context.
struct ContextPath {
    let segments: [Substring]

    init(_ text: String) {
        segments = text == "." ? [] : text.split(separator: ".")
    }

    /// The values the path reaches; a step that finds nothing reaches `.null`, and a `*` over an empty
    /// list reaches nothing (so "every tutor has a name" fails when there is no tutor: see `isFilled`).
    func values(in root: Value) -> [Value] {
        var current = [root]
        for segment in segments {
            current = current.flatMap { v -> [Value] in
                switch (segment, v) {
                case ("*", .list(let l)): return l
                case ("*", .record(let r)): return r.keys.sorted().map { r[$0]! }
                case (_, .record(let r)): return [r[String(segment)] ?? .null]
                case (_, .list(let l)):
                    guard let i = Int(segment), i >= 1, i <= l.count else { return [.null] }
                    return [l[i - 1]]
                default: return [.null]
                }
            }
        }
        return current
    }

    /// Whether the path reaches at least one value and every value it reaches is filled.
    func isFilled(in root: Value) -> Bool {
        let found = values(in: root)
        return !found.isEmpty && found.allSatisfy { !$0.isEmpty }
    }

    /// Rewrites every value the path reaches with `change` (for joins and letterheads).
    func update(_ root: inout Value, _ change: (inout Value) -> Void) {
        Self.update(&root, segments[...], change)
    }

    private static func update(_ v: inout Value, _ rest: ArraySlice<Substring>, _ change: (inout Value) -> Void) {
        guard let segment = rest.first else { return change(&v) }
        let tail = rest.dropFirst()
        switch (segment, v) {
        case ("*", .list(var l)):
            for i in l.indices { update(&l[i], tail, change) }
            v = .list(l)
        case ("*", .record(var r)):
            for key in r.keys { update(&r[key]!, tail, change) }
            v = .record(r)
        case (_, .record(var r)):
            guard var child = r[String(segment)] else { return }
            update(&child, tail, change)
            r[String(segment)] = child
            v = .record(r)
        default: return
        }
    }
}
