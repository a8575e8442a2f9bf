import Foundation
import Mustache

/// A string that came from a form, the directory or a workflow variable: something a person typed.
///
/// Templates never see its characters. Mustache prints a `UserText` as an opaque token of private-use
/// code points, so the Markdown parser cannot read structure into it (a `|`, a `[link](…)`, an `<img>`);
/// after rendering, `TextToken.replace` swaps each token for the text escaped for the output at hand
/// (Markdown or HTML). A template can therefore print user text only as literal text, whatever
/// delimiters it uses (`{{x}}` or `{{{x}}}`).
struct UserText: MustacheCustomRenderable, Sendable {
    let text: String

    var renderText: String { TextToken.encode(text) }
    /// An empty answer counts as absent, so `{{#x}}…{{/x}}` and `{{^x}}…{{/x}}` test for it.
    var isNull: Bool { text.isEmpty }
}

/// The token a `UserText` renders as: U+F0000, then one code point U+F0100+b per UTF-8 byte b of the
/// text, then U+F0001. Stateless, so the same context renders to the same bytes.
enum TextToken {
    static let open = Unicode.Scalar(0xF0000)!
    static let close = Unicode.Scalar(0xF0001)!
    static let byteBase: UInt32 = 0xF0100

    /// Written as UTF-8 bytes: each code point U+F0100 + b is F3 B0 (84 + b >> 6) (80 + b & 3F), the
    /// markers F3 B0 80 80 and F3 B0 80 81 (appending scalar by scalar was a tenth of the template's time).
    static func encode(_ text: String) -> String {
        var bytes: [UInt8] = [0xF3, 0xB0, 0x80, 0x80]
        bytes.reserveCapacity(4 * text.utf8.count + 8)
        for byte in text.utf8 { bytes += [0xF3, 0xB0, 0x84 | (byte >> 6), 0x80 | (byte & 0x3F)] }
        bytes += [0xF3, 0xB0, 0x80, 0x81]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a text contains any code point of the token alphabet (templates must not).
    static func occurs(in text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= open.value && $0.value <= byteBase + 0xFF }
    }

    /// Replaces every token in `text` by `transform(decoded text)`. A malformed token (cut by a
    /// parser) is dropped rather than shown: it can only come from a bug, never from user input.
    ///
    /// Works on the UTF-8 bytes: every token code point is four bytes led by 0xF3, so the text between
    /// tokens is copied as it is, without decoding it (a contract is mostly such text).
    static func replace(in text: String, _ transform: (String) -> String) -> String {
        var text = text
        return text.withUTF8 { src -> String in
            var out: [UInt8] = []
            out.reserveCapacity(src.count)
            var bytes: [UInt8] = []
            var inside = false
            var i = 0
            while i < src.count {
                if !inside {
                    // Outside a token every code point is copied as it is: copy the run up to the next
                    // 0xF3 byte at once (copying it code point by code point was most of this function).
                    let run = memchr(src.baseAddress! + i, 0xF3, src.count - i)
                    let end = run.map { src.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                        ?? src.count
                    if end > i {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: src[i..<end]))
                        i = end
                        continue
                    }
                }
                let lead = src[i]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value: UInt32 = 0
                if length == 4, i + 3 < src.count {
                    value = UInt32(lead & 0x07) << 18 | UInt32(src[i + 1] & 0x3F) << 12
                        | UInt32(src[i + 2] & 0x3F) << 6 | UInt32(src[i + 3] & 0x3F)
                }
                switch value {
                case open.value:
                    inside = true
                    bytes.removeAll(keepingCapacity: true)
                case close.value where inside:
                    out.append(contentsOf: transform(String(decoding: bytes, as: UTF8.self)).utf8)
                    inside = false
                case byteBase...(byteBase + 0xFF) where inside:
                    bytes.append(UInt8(value - byteBase))
                default:
                    if inside || value == close.value {
                        inside = false
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: src[i..<min(i + length, src.count)]))
                    }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
