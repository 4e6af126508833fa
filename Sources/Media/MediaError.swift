import CFFmpeg

/// An FFmpeg call that failed, with what SREtv was doing and on which file or URL.
public struct MediaError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this was, for callers that react differently to each.
    public enum Code: String, Sendable {
        /// The file or URL could not be opened (missing, unreadable, refused protocol).
        case open
        /// The container could be opened but not understood (truncated, garbage, no streams).
        case probe
        /// A packet could not be read from an input.
        case read
        /// An encoder or decoder could not be found, opened or fed.
        case codec
        /// An output (segment, clip) could not be created or written.
        case write
        /// The request itself made no sense (bad argument, unsupported layout).
        case invalidArgument
        /// A source URL was refused by the allow list before anything was opened (rule S4).
        case refused
        /// The caller stopped the operation (a progress callback returned false).
        case cancelled
    }

    /// The kind of failure.
    public var code: Code
    /// What SREtv was doing, e.g. "opening input".
    public var operation: String
    /// The file, URL or stream the operation was on.
    public var subject: String
    /// FFmpeg's error text for the return code, or a reason of our own.
    public var reason: String

    public init(_ code: Code, _ operation: String, subject: String, reason: String) {
        self.code = code
        self.operation = operation
        self.subject = subject
        self.reason = reason
    }

    /// Builds an error from an FFmpeg return code, turning it into FFmpeg's message.
    init(_ code: Code, _ operation: String, subject: String, averror: Int32) {
        self.init(code, operation, subject: subject, reason: MediaError.message(for: averror))
    }

    public var description: String { "\(operation) \(subject): \(reason)" }

    /// FFmpeg's text for a negative return code.
    static func message(for averror: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: Int(AV_ERROR_MAX_STRING_SIZE))
        av_strerror(averror, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension Int32 {
    /// Throws a `MediaError` when this FFmpeg return code is negative, else returns it.
    @discardableResult
    func check(_ code: MediaError.Code, _ operation: String, subject: String) throws(MediaError) -> Int32 {
        if self < 0 { throw MediaError(code, operation, subject: subject, averror: self) }
        return self
    }
}
