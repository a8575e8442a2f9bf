import Foundation

/// One line redrawn in place on a terminal, at most ten times a second; nothing at all when standard
/// output is not a terminal (piped, redirected, or `--json`), so logs and scripts see only the summary.
final class ProgressBar {
    private let enabled: Bool
    private var lastDraw = 0.0
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled && isatty(1) != 0 }

    /// `[#####.....] text`, with `fraction` of the ten cells filled.
    func draw(fraction: Double, _ text: String, force: Bool = false) {
        guard enabled else { return }
        let now = Date().timeIntervalSince1970
        guard force || now - lastDraw >= 0.1 else { return }
        lastDraw = now
        let filled = max(0, min(10, Int((fraction * 10).rounded(.down))))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 10 - filled)
        // \r back to the line's start, ESC[K clears what a longer previous line left.
        FileHandle.standardOutput.write(Data("\r[\(bar)] \(text)\u{1B}[K".utf8))
        drawn = true
    }

    /// Leaves the bar's line, so that what is printed next starts on a line of its own.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
