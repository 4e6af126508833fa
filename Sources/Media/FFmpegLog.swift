import CFFmpeg

/// How much FFmpeg's own logging prints to standard error (it is process-wide).
public enum FFmpegLog {
    /// Shows only FFmpeg's errors: encoder statistics and warnings about inputs SREtv already
    /// reports in its own words stay quiet.
    public static func showErrorsOnly() { av_log_set_level(AV_LOG_ERROR) }
}
