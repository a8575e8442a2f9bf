import Foundation
import SeleksiCore

/// Reads files a user names (answers, definitions, keys, attachments) without surprises: only regular
/// files (a FIFO, device or folder is refused before anything waits on it), never more than a limit
/// (checked before reading, and again while reading a file that grows), and not at all inside the
/// database's write transaction (callers read first, then open it).
public enum SafeFile {
    /// The whole file, if it is a regular file of at most `limit` bytes.
    public static func read(_ path: String, limit: Int, what: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(path, limit: limit, what: what) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Hands the file's bytes to `body` in chunks of up to 1 MiB; returns the size read.
    @discardableResult
    public static func stream(_ path: String, limit: Int, what: String, followLinks: Bool = true,
                              _ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw problem(path, what, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw problem(path, what, errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let folder = info.st_mode & S_IFMT == S_IFDIR
            throw EngineError.input("\(what) '\(path)': \(folder ? "sebuah folder" : "bukan berkas biasa")",
                                    en: "\(english(what)) '\(path)': \(folder ? "a folder" : "not a regular file")")
        }
        guard Int(info.st_size) <= limit else { throw tooLarge(path, what, limit) }
        var total = 0
        // Sized for the file as it stands (one byte more, so that the read finding its end needs no
        // second buffer), at most 1 MiB, and not zeroed: a 1 MiB zeroed buffer for every attachment of
        // a few hundred bytes was 4% of a national demo's instructions, besides its page faults.
        let size = max(1, min(1 << 20, Int(info.st_size) + 1))
        var buffer = [UInt8](unsafeUninitializedCapacity: size) { _, count in count = size }
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw problem(path, what, errno)
            }
            if n == 0 { break }
            total += n
            guard total <= limit else { throw tooLarge(path, what, limit) }
            try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return total
    }

    static func problem(_ path: String, _ what: String, _ code: Int32) -> EngineError {
        if code == ENOENT { return .input("\(what) '\(path)' tidak ada", en: "\(english(what)) '\(path)': no such file") }
        if code == ELOOP {
            return .input("\(what) '\(path)' adalah tautan simbolik; berikan berkas aslinya", en: "\(english(what)) '\(path)' is a symbolic link; give the file itself")
        }
        return .input("\(what) '\(path)' tidak dapat dibaca: \(String(cString: strerror(code)))",
                      en: "\(english(what)) '\(path)' cannot be read: \(String(cString: strerror(code)))")
    }

    static func tooLarge(_ path: String, _ what: String, _ limit: Int) -> EngineError {
        .input("\(what) '\(path)' lebih dari \(ByteCount.text(limit)); tidak dibaca", en: "\(english(what)) '\(path)' is larger than \(ByteCount.text(limit)); not read")
    }

    /// The callers name what they read in Indonesian ("berkas isian"); the English message says it in English.
    static func english(_ what: String) -> String {
        ["berkas isian": "answers file", "definisi": "definition", "lampiran": "attachment", "templat": "template", "berkas kunci": "key file",
         "checkpoint": "checkpoint", "berkas": "file"][what] ?? what
    }
}

/// Sizes as people read them.
public enum ByteCount {
    public static func text(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return "\(bytes >> 20) MB" }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return "\(bytes) B"
    }
}
