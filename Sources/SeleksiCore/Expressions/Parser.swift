/// Recursive descent with bounded depth:
///
///     or   := and ('or' and)*
///     and  := not ('and' not)*
///     not  := 'not' not | cmp
///     cmp  := add (('=' | '!=' | '<' | '<=' | '>' | '>=') add)?
///     add  := mul (('+' | '-') mul)*
///     mul  := un (('*' | '/' | '%') un)*
///     un   := '-' un | post
///     post := prim ('.' name | '[' or ']')*
///     prim := number | 'text' | true | false | null | '.' | name | fn '(' args ')' | '(' or ')'
///
/// Two bounds keep every later walk of the tree (evaluation, static checks) shallow enough for any
/// thread's stack: `maxDepth` counts parentheses, arguments, `not` and unary minus as the parser
/// recurses; `maxHeight` counts the finished tree, where a chain such as `1 + 1 + … + 1` nests one
/// level per operator without any recursion in the parser.
struct Parser {
    static let maxDepth = 48
    static let maxHeight = 256
    private let tokens: [Token]
    private var pos = 0
    private var depth = 0

    init(_ source: String) throws {
        tokens = try Lexer.tokens(source)
    }

    mutating func parseAll() throws -> Expr {
        let e = try parseOr()
        guard case .end = peek.kind else {
            throw ExpressionError(id: "\(describe(peek, .id)) tak terduga sesudah ungkapan yang sudah lengkap",
                                  en: "unexpected \(describe(peek, .en)) after a complete expression", at: peek.offset)
        }
        if let deep = Parser.nodeDeeperThan(Parser.maxHeight, in: e) {
            throw ExpressionError(id: "ungkapan bersarang lebih dari \(Parser.maxHeight) tingkat (tiap operator dalam rantai "
                                  + "seperti 1 + 1 + … satu tingkat); pecah dengan variabel",
                                  en: "expression nested deeper than \(Parser.maxHeight) levels (each operator in a chain "
                                  + "such as 1 + 1 + … is a level); split it with variables", at: deep.offset)
        }
        return e
    }

    /// The first node found below `limit` levels, by an explicit-stack walk (no recursion).
    static func nodeDeeperThan(_ limit: Int, in root: Expr) -> Expr? {
        var stack: [(Expr, Int)] = [(root, 1)]
        while let (e, level) = stack.popLast() {
            if level > limit { return e }
            switch e {
            case .literal, .current, .path, .pattern: break
            case .index(let a, let b, _), .binary(_, let a, let b, _): stack += [(a, level + 1), (b, level + 1)]
            case .member(let a, _, _), .unary(_, let a, _): stack.append((a, level + 1))
            case .call(_, let args, _): stack += args.map { ($0, level + 1) }
            }
        }
        return nil
    }

    private var peek: Token { tokens[pos] }

    private mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    private func isSymbol(_ s: String) -> Bool { peek.kind == .symbol(s) }
    private func isWord(_ w: String) -> Bool { peek.kind == .identifier(w) }

    private mutating func expect(_ s: String) throws {
        guard isSymbol(s) else {
            throw ExpressionError(id: "seharusnya '\(s)', tetapi \(describe(peek, .id))",
                                  en: "expected '\(s)' but found \(describe(peek, .en))", at: peek.offset)
        }
        _ = advance()
    }

    private func describe(_ t: Token, _ language: Language) -> String {
        let en = language == .en
        switch t.kind {
        case .end: return en ? "the end of the expression" : "akhir ungkapan"
        case .number(let n): return (en ? "number " : "bilangan ") + Value.format(number: n)
        case .string(let s): return (en ? "text '" : "teks '") + s + "'"
        case .identifier(let s), .function(let s): return "'\(s)'"
        case .symbol(let s): return "'\(s)'"
        }
    }

    private mutating func nested<T>(_ body: (inout Parser) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maxDepth else {
            throw ExpressionError(id: "ungkapan bersarang lebih dari \(Parser.maxDepth) tingkat",
                                  en: "expression nested deeper than \(Parser.maxDepth) levels", at: peek.offset)
        }
        return try body(&self)
    }

    private mutating func parseOr() throws -> Expr {
        try nested { p in
            var left = try p.parseAnd()
            while p.isWord("or") {
                let at = p.advance().offset
                left = .binary("or", left, try p.parseAnd(), at: at)
            }
            return left
        }
    }

    private mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        while isWord("and") {
            let at = advance().offset
            left = .binary("and", left, try parseNot(), at: at)
        }
        return left
    }

    private mutating func parseNot() throws -> Expr {
        if isWord("not") {
            let at = advance().offset
            return try nested { p in .unary("not", try p.parseNot(), at: at) }
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws -> Expr {
        let left = try parseAdditive()
        for op in ["=", "!=", "<", "<=", ">", ">="] where isSymbol(op) {
            let at = advance().offset
            return .binary(op, left, try parseAdditive(), at: at)
        }
        return left
    }

    private mutating func parseAdditive() throws -> Expr {
        var left = try parseMultiplicative()
        while isSymbol("+") || isSymbol("-") {
            let t = advance()
            guard case .symbol(let op) = t.kind else { break }
            left = .binary(op, left, try parseMultiplicative(), at: t.offset)
        }
        return left
    }

    private mutating func parseMultiplicative() throws -> Expr {
        var left = try parseUnary()
        while isSymbol("*") || isSymbol("/") || isSymbol("%") {
            let t = advance()
            guard case .symbol(let op) = t.kind else { break }
            left = .binary(op, left, try parseUnary(), at: t.offset)
        }
        return left
    }

    private mutating func parseUnary() throws -> Expr {
        if isSymbol("-") {
            let at = advance().offset
            return try nested { p in .unary("-", try p.parseUnary(), at: at) }
        }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws -> Expr {
        var e = try parsePrimary()
        while true {
            if isSymbol("."), case .identifier(let name) = tokens[pos + 1].kind {
                let at = advance().offset
                _ = advance()
                e = .member(e, name, at: at)
            } else if isSymbol("[") {
                let at = advance().offset
                let index = try parseOr()
                try expect("]")
                e = .index(e, index, at: at)
            } else {
                return e
            }
        }
    }

    private mutating func parsePrimary() throws -> Expr {
        let t = advance()
        switch t.kind {
        case .number(let n): return .literal(.number(n), at: t.offset)
        case .string(let s): return .literal(.string(s), at: t.offset)
        case .symbol("("):
            let e = try parseOr()
            try expect(")")
            return e
        case .symbol("."): return .current(at: t.offset)
        case .identifier(let name), .function(let name):
            if case .identifier = t.kind {
                switch name {
                case "true": return .literal(.bool(true), at: t.offset)
                case "false": return .literal(.bool(false), at: t.offset)
                case "null": return .literal(.null, at: t.offset)
                default: break
                }
            }
            if isSymbol("(") {
                _ = advance()
                guard let function = Function(rawValue: name) else {
                    let known = Function.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ExpressionError(id: "fungsi '\(name)' tidak dikenal; yang ada: \(known)",
                                          en: "unknown function '\(name)'; known: \(known)", at: t.offset)
                }
                var args: [Expr] = []
                if !isSymbol(")") {
                    repeat {
                        if isSymbol(",") { _ = advance() }
                        args.append(try parseOr())
                    } while isSymbol(",")
                }
                try expect(")")
                guard function.arity.contains(args.count) else {
                    throw ExpressionError(id: "\(name)() menerima \(function.arityText(.id)), bukan \(args.count)",
                                          en: "\(name)() takes \(function.arityText(.en)), not \(args.count)", at: t.offset)
                }
                if function == .regex, case .literal(.string(let source), let at) = args[1] {
                    args[1] = .pattern(try Parser.pattern(source, at: at), at: at)
                }
                return .call(function, args, at: t.offset)
            }
            var path = [name]
            while isSymbol("."), case .identifier(let next) = tokens[pos + 1].kind {
                _ = advance()
                _ = advance()
                path.append(next)
            }
            return .path(path, at: t.offset)
        default:
            throw ExpressionError(id: "seharusnya sebuah nilai, tetapi \(describe(t, .id))",
                                  en: "expected a value but found \(describe(t, .en))", at: t.offset)
        }
    }

    /// Compiles a pattern written in quotes at `at`; an error points into the pattern itself.
    private static func pattern(_ source: String, at: Int) throws -> Pattern {
        do { return try Pattern.cached(source) } catch {
            throw ExpressionError(id: error.text(.id), en: error.text(.en), at: at + 1 + error.offset)
        }
    }
}
