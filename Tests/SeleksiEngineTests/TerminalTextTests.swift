import SeleksiEngine
import Testing

/// What a user's text becomes before it reaches a terminal: harmless, and otherwise unchanged.
@Suite("User text shown on a terminal")
struct TerminalTextTests {
    @Test func plainTextIsShownAsItIs() {
        let texts = ["Siti Kurniawan (fiktif)", "", "kolom\tberikut", "Ñoño Pérez — SKB 01", "نور", "👩🏽‍🏫 tutor"]
        for text in texts {
            #expect(TerminalText.safe(text) == text)
        }
    }

    @Test func controlCharactersAndEscapesAreShownNotObeyed() {
        #expect(TerminalText.safe("a\nb") == "a\\nb")
        #expect(TerminalText.safe("a\rb") == "a\\rb")
        #expect(TerminalText.safe("\u{1B}[2J\u{1B}]0;judul\u{07}") == "\\u{1b}[2J\\u{1b}]0;judul\\u{7}")
        #expect(TerminalText.safe("x\u{7F}y\u{0}") == "x\\u{7f}y\\u{0}")
        // C1 controls (U+0085 NEL, U+009B CSI) act as escapes on some terminals.
        #expect(TerminalText.safe("é\u{85}\u{9B}31m") == "é\\u{85}\\u{9b}31m")
    }

    @Test func bidiControlsCannotReorderWhatFollows() {
        #expect(TerminalText.safe("nilai \u{202E}001") == "nilai \\u{202e}001")
        #expect(TerminalText.safe("\u{2066}a\u{2069}\u{200F}\u{061C}") == "\\u{2066}a\\u{2069}\\u{200f}\\u{61c}")
    }

    @Test func appendingSafeTextAddsWhatSafeGives() {
        let texts = ["#10401", "", "Siti Kurniawan (fiktif)", "kolom\tberikut", "a\nb", "\u{1B}[2J",
                     "nilai \u{202E}001", "é\u{85}", "👩🏽‍🏫 tutor", String(repeating: "panjang ", count: 40),
                     "x\u{7F}"]
        var bytes: [UInt8] = Array("awal|".utf8)
        var expected = bytes
        for text in texts {
            TerminalText.appendSafe(text, to: &bytes)
            expected += TerminalText.safe(text).utf8
        }
        #expect(bytes == expected)
    }
}
