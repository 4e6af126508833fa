import Logging
import Media
import Scheduling

/// Sets up logging (swift-log to standard error, FFmpeg's own output reduced to errors, with the
/// secrets of the URLs it quotes redacted), then runs `sretv`.
@main
enum Main {
    static func main() async {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        FFmpegLog.showErrorsOnly(redacting: SecretRedaction.redactedText)
        await SREtv.main()
    }
}
