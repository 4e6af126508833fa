import CFFmpeg
import Foundation
import Synchronization

/// How much FFmpeg's own logging prints to standard error (it is process-wide), and what it may print.
public enum FFmpegLog {
    /// Shows only FFmpeg's errors: encoder statistics and warnings about inputs SREtv already
    /// reports in its own words stay quiet. Every line passes through `redact` (nil: the one given
    /// before, if any) before it is written: FFmpeg quotes the URLs it fails to open, secrets (SRT
    /// passphrases, stream keys) included.
    public static func showErrorsOnly(redacting redact: (@Sendable (String) -> String)? = nil) {
        if let redact { redactor.withLock { $0 = redact } }
        av_log_set_level(AV_LOG_ERROR)
        // FFmpeg's log callback: formats each line as FFmpeg's own would (`[class @ 0x…] message`),
        // redacts it and writes it to standard error.
        av_log_set_callback { context, level, format, arguments in
            guard level <= av_log_get_level(), let arguments else { return }
            var buffer = [CChar](repeating: 0, count: 2048)
            atLineStart.withLock { prefix in
                _ = av_log_format_line2(context, level, format, arguments, &buffer, Int32(buffer.count), &prefix)
            }
            let line = redactor.withLock { $0 }(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}

/// What every FFmpeg log line passes through (globals: a C callback captures nothing).
private let redactor = Mutex<@Sendable (String) -> String>({ $0 })
/// Whether the next part starts a line (FFmpeg's `print_prefix`: a line may come in parts).
private let atLineStart = Mutex<Int32>(1)
