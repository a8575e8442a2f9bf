/// Where an answer sits in a form, as violations name it: `nik`, a repeat group `pengalaman`, one of
/// its rows `pengalaman[2]` (rows count from 1), or a cell `pengalaman[2].mulai`.
public enum FieldPath: Sendable, Hashable, CustomStringConvertible {
    case field(String)
    case group(String)
    case row(group: String, index: Int)
    case cell(group: String, index: Int, field: String)

    /// Reads a path as `description` writes it; `form` tells a field from a group. Nil for anything else.
    public init?(_ text: String, in form: FormDefinition) {
        guard let open = text.firstIndex(of: "[") else {
            switch form.items.first(where: { $0.id == text }) {
            case .field?: self = .field(text)
            case .repeatGroup?: self = .group(text)
            case nil: return nil
            }
            return
        }
        let group = String(text[..<open])
        let rest = text[text.index(after: open)...]
        guard case .repeatGroup(let g)? = form.items.first(where: { $0.id == group }),
            let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), index >= 1, index <= 10_000
        else { return nil }
        let tail = rest[rest.index(after: close)...]
        if tail.isEmpty {
            self = .row(group: group, index: index)
        } else if tail.first == ".", g.fields.contains(where: { $0.id == tail.dropFirst() }) {
            self = .cell(group: group, index: index, field: String(tail.dropFirst()))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .field(let f), .group(let f): return f
        case .row(let g, let i): return "\(g)[\(i)]"
        case .cell(let g, let i, let f): return "\(g)[\(i)].\(f)"
        }
    }
}
