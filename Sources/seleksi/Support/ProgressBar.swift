import Foundation

/// One line redrawn in place on a terminal, at most ten times a second; nothing at all when its stream
/// is not a terminal (piped, redirected, or `--json`), so logs and scripts see only the summary.
final class ProgressBar {
    private let enabled: Bool
    private let stream: FileHandle
    private var lastDraw = 0.0
    private var drawn = false

    /// On standard output, or (`onStandardError`) beside a command whose output is its verdict.
    init(enabled: Bool, onStandardError: Bool = false) {
        stream = onStandardError ? .standardError : .standardOutput
        self.enabled = enabled && isatty(stream.fileDescriptor) != 0
    }

    /// `[#####.....] text`, with `fraction` of the ten cells filled; just `text` without a fraction
    /// (the total unknown).
    func draw(fraction: Double?, _ text: String, force: Bool = false) {
        guard enabled else { return }
        let now = Date().timeIntervalSince1970
        guard force || now - lastDraw >= 0.1 else { return }
        lastDraw = now
        var line = text
        if let fraction {
            let filled = max(0, min(10, Int((fraction * 10).rounded(.down))))
            let cells = String(repeating: "#", count: filled) + String(repeating: ".", count: 10 - filled)
            line = "[\(cells)] \(text)"
        }
        // \r back to the line's start, ESC[K clears what a longer previous line left.
        stream.write(Data("\r\(line)\u{1B}[K".utf8))
        drawn = true
    }

    /// Leaves the bar's line, so that what is printed next starts on a line of its own.
    func finish() {
        guard enabled, drawn else { return }
        stream.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
