/// A pattern compiled into instructions for a Pike VM (Thompson's construction): matching runs
/// every possible path in lock step, so its time is linear in the text for a given pattern, whatever
/// the pattern — `(a|aa)+$` cannot backtrack, because nothing does.
struct PatternProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(Unicode.Scalar)
        case set(PatternClass)
        /// Continue at both targets.
        case split(Int, Int)
        case jump(Int)
        case assertStart, assertEnd
        case match
    }

    /// Large enough for every realistic form pattern, small enough that one match costs at most
    /// (text length × this) steps.
    static let maxInstructions = 5_000

    private(set) var code: [Instruction] = []

    init(_ node: PatternNode) throws(ExpressionError) {
        try emit(node)
        code.append(.match)
    }

    private mutating func append(_ i: Instruction) throws(ExpressionError) {
        guard code.count < PatternProgram.maxInstructions else {
            throw ExpressionError("regex(): the pattern is too large (more than \(PatternProgram.maxInstructions) "
                                  + "steps once its {m,n} repetitions are written out)", at: 0)
        }
        code.append(i)
    }

    private mutating func emit(_ node: PatternNode) throws(ExpressionError) {
        switch node {
        case .empty: break
        case .scalar(let c): try append(.scalar(c))
        case .set(let s): try append(.set(s))
        case .start: try append(.assertStart)
        case .end: try append(.assertEnd)
        case .concat(let items): for item in items { try emit(item) }
        case .alternation(let branches): try emitAlternation(branches)
        case .repetition(let inner, let min, let max): try emitRepetition(inner, min: min, max: max)
        }
    }

    /// split L1, L2 · L1: a · jump end · L2: split … · last branch · end
    private mutating func emitAlternation(_ branches: [PatternNode]) throws(ExpressionError) {
        var jumps: [Int] = []
        for (k, branch) in branches.enumerated() {
            if k < branches.count - 1 {
                let split = code.count
                try append(.split(split + 1, -1))
                try emit(branch)
                jumps.append(code.count)
                try append(.jump(-1))
                code[split] = .split(split + 1, code.count)
            } else {
                try emit(branch)
            }
        }
        for j in jumps { code[j] = .jump(code.count) }
    }

    /// `e{m,n}` as m copies of `e`, then n − m optional copies (or a loop when there is no maximum).
    private mutating func emitRepetition(_ inner: PatternNode, min: Int, max: Int?) throws(ExpressionError) {
        for _ in 0..<min { try emit(inner) }
        guard let max else {
            let loop = code.count
            try append(.split(loop + 1, -1))
            try emit(inner)
            try append(.jump(loop))
            code[loop] = .split(loop + 1, code.count)
            return
        }
        var skips: [Int] = []
        for _ in min..<max {
            skips.append(code.count)
            try append(.split(code.count + 1, -1))
            try emit(inner)
        }
        for s in skips { code[s] = .split(s + 1, code.count) }
    }
}
