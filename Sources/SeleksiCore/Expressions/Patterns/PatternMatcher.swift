extension PatternProgram {
    /// Whether the program matches the whole of `text`: one pass over the characters, carrying the
    /// set of live instructions (each at most once per position), so the cost is bounded by
    /// characters × instructions and no input can make it backtrack.
    func matchesWhole(_ text: [Unicode.Scalar]) -> Bool {
        var current: [Int] = [], next: [Int] = []
        current.reserveCapacity(code.count)
        next.reserveCapacity(code.count)
        var seen = [Int](repeating: -1, count: code.count)
        var stack: [Int] = []
        addThread(0, at: 0, of: text.count, to: &current, seen: &seen, stack: &stack)
        for (position, c) in text.enumerated() {
            for pc in current {
                let advances: Bool
                switch code[pc] {
                case .scalar(let x): advances = c == x
                case .set(let s): advances = s.contains(c)
                default: advances = false
                }
                guard advances else { continue }
                addThread(pc + 1, at: position + 1, of: text.count, to: &next, seen: &seen, stack: &stack)
            }
            swap(&current, &next)
            next.removeAll(keepingCapacity: true)
            if current.isEmpty { return false }
        }
        return current.contains { if case .match = code[$0] { return true } else { return false } }
    }

    /// Adds `pc` and everything reachable from it without reading a character, with an explicit stack
    /// (no recursion, whatever the program's shape). `seen[pc] == position` marks an instruction
    /// already added for this position.
    private func addThread(_ pc: Int, at position: Int, of length: Int, to list: inout [Int],
                           seen: inout [Int], stack: inout [Int]) {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard seen[pc] != position else { continue }
            seen[pc] = position
            switch code[pc] {
            case .jump(let target): stack.append(target)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .assertStart: if position == 0 { stack.append(pc + 1) }
            case .assertEnd: if position == length { stack.append(pc + 1) }
            case .scalar, .set, .match: list.append(pc)
            }
        }
    }
}
