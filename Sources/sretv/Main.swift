import Logging
import Media

/// Sets up logging (swift-log to standard error, FFmpeg's own output reduced to errors), then runs `sretv`.
@main
enum Main {
    static func main() async {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        FFmpegLog.showErrorsOnly()
        await SREtv.main()
    }
}
