/// What of the forms an expression reads: whole forms, and fields by name. A command that hands a
/// parent the children's forms gives it only these (a ranking groups by one field of a portfolio).
public struct FormFieldReads: Sendable, Equatable {
    /// Forms read as a whole (`forms.x` alone, `forms.x[…]`).
    public var wholeForms: Set<String> = []
    /// Fields read by name, per form (`forms.tb_portofolio.program`).
    public var fields: [String: Set<String>] = [:]

    public init(wholeForms: Set<String> = [], fields: [String: Set<String>] = [:]) {
        self.wholeForms = wholeForms
        self.fields = fields
    }

    public var formIDs: Set<String> { wholeForms.union(fields.keys) }

    public mutating func formUnion(_ other: FormFieldReads) {
        wholeForms.formUnion(other.wholeForms)
        fields.merge(other.fields) { $0.union($1) }
    }

    /// The fields of a form that are read, nil when the whole form is (for reading it narrowed).
    public func keys(of form: String) -> [String]? {
        if wholeForms.contains(form) { return nil }
        return fields[form].map { $0.sorted() } ?? []
    }

    /// What several readers read together; nil (anything) when one of them may read anything.
    /// An array, not any sequence: a generic sequence from another module is walked through witness
    /// tables and key paths, which cost more than the merging on every command. The first reader's sets
    /// are taken as they are, not merged into empty ones (most commands have one candidate transition).
    public static func union(_ each: [FormFieldReads?]) -> FormFieldReads? {
        var reads: FormFieldReads?
        for read in each {
            guard let read else { return nil }
            if reads == nil { reads = read } else { reads?.formUnion(read) }
        }
        return reads ?? FormFieldReads()
    }

    /// A form's data with only what is read of it.
    public func narrow(_ form: String, _ data: [String: Value]) -> [String: Value] {
        if wholeForms.contains(form) { return data }
        guard let names = fields[form] else { return [:] }
        return data.filter { names.contains($0.key) }
    }
}

extension Expression {
    /// The forms and fields the expression reads by name (`forms.tb_portofolio.program`), in its own
    /// scope or in a child's (`children-any(…)`, a ranking's order); nil when it may read any form
    /// (`forms` as a whole, `children()`, `.`). It over-approximates: a form read in the parent's own
    /// scope is counted as well, which costs a read, never a wrong answer.
    public var formsRead: FormFieldReads? {
        var reads = FormFieldReads()
        func bounded(_ e: Expr) -> Bool {
            switch e {
            case .literal, .pattern: return true
            case .current: return false
            case .path(let p, _):
                guard p.first == "forms" else { return true }
                switch p.count {
                case 1: return false
                case 2: reads.wholeForms.insert(p[1])
                default: reads.fields[p[1], default: []].insert(p[2])
                }
                return true
            case .index(let a, let b, _), .binary(_, let a, let b, _): return bounded(a) && bounded(b)
            case .member(let a, _, _), .unary(_, let a, _): return bounded(a)
            case .call(let f, let args, _): return f != .children && args.allSatisfy(bounded)
            }
        }
        return bounded(root) ? reads : nil
    }
}

extension TransitionDefinition {
    /// The forms the expressions of `guards` and `effects` read: the instance's own (an applicant's
    /// scoring sheet reads no portfolio) and its children's, as `Expression.formsRead` counts them.
    static func formsRead(_ expressions: [Expression]) -> FormFieldReads? {
        FormFieldReads.union(expressions.map { $0.formsRead })
    }
}

extension Expression {
    /// The parent's forms and fields the expression reads by name (`parent.forms.tb_kontrak.program`),
    /// from the paths it reads in the instance's own scope; nil when it reads `parent` or `parent.forms`
    /// as a whole.
    public var parentFormsRead: FormFieldReads? { FormFieldReads.parentForms(readBy: paths.map(\.path)) }
}

extension FormFieldReads {
    /// What of the parent's forms `paths` (read in an instance's own scope) read; nil when one is
    /// `parent` or `parent.forms` as a whole.
    static func parentForms(readBy paths: [[String]]) -> FormFieldReads? {
        var reads = FormFieldReads()
        for p in paths where p[0] == "parent" {
            guard p.count > 1 else { return nil }
            guard p[1] == "forms" else { continue }
            switch p.count {
            case 2: return nil
            case 3: reads.wholeForms.insert(p[2])
            default: reads.fields[p[2], default: []].insert(p[3])
            }
        }
        return reads
    }
}

extension TransitionDefinition {
    /// Every expression deciding or applying the transition evaluates: its guards and their messages'
    /// values, its effects, a ranking's groups, quotas and order, a count of children to create.
    static func expressions(guards: [Guard], effects: [Effect]) -> [Expression] {
        var expressions = guards.flatMap { [$0.test] + $0.message.placeholderExpressions }
        expressions += effects.flatMap(\.expressions)
        for case .rank(let r) in effects {
            expressions += [r.groupBy, r.quotaRows, r.quotaKey, r.quotaCount] + r.order.map(\.0)
        }
        for case .createChildren(_, let count?, _, _) in effects { expressions.append(count) }
        return expressions
    }
}
