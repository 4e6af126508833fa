import CFFmpeg
import Foundation

/// Watches an input while libavformat reads it: counts the bytes of every I/O context it opens
/// (an HLS source opens one per segment), opens each URL through a `SourceOpener` (allow list,
/// checked address, redirects followed only within the allow list), and interrupts blocking
/// reads once `cancel()` was called (from any thread).
///
/// Attached to one `AVFormatContext` through its `opaque`, `io_open`, `io_close2` and
/// `interrupt_callback`; the `InputFile` that owns the context keeps its monitor alive.
public final class InputMonitor: @unchecked Sendable {
    private let lock = NSLock()
    /// Opens the URLs of a remote source; nil for local files.
    private let opener: SourceOpener?
    private var cancelled = false
    private var deadline: Date?
    private var closedBytes: Int64 = 0
    /// The I/O contexts open now, with the URL each reads.
    private var open: [UnsafeMutablePointer<AVIOContext>: String] = [:]
    private var refusal: MediaError?
    private var failure: MediaError?
    private var defaultOpen: IOOpen?
    private var defaultClose: IOClose?
    /// Connects the next HLS segments ahead of the demuxer, for inputs read from end to end.
    private var readAhead: SegmentReadAhead?

    typealias IOOpen = @convention(c) (
        UnsafeMutablePointer<AVFormatContext>?, UnsafeMutablePointer<UnsafeMutablePointer<AVIOContext>?>?,
        UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<OpaquePointer?>?
    ) -> Int32
    typealias IOClose = @convention(c) (UnsafeMutablePointer<AVFormatContext>?, UnsafeMutablePointer<AVIOContext>?) -> Int32

    /// A monitor for `source`: nested URLs are checked against its allow list (none for local
    /// files). With `readsAhead`, an HLS VOD source's next segments are connected while the
    /// current one is read (for a copy read from end to end, not for a live feed).
    public init(source: MediaSource, readsAhead: Bool = false) {
        opener = source.policy.map(SourceOpener.init)
        guard readsAhead, let opener else { return }
        readAhead = SegmentReadAhead(protocols: source.protocols, opener: opener) { [weak self] in
            self?.shouldInterrupt ?? true
        }
    }

    // An input whose opening failed never detaches: the read-ahead's thread still has to end.
    deinit { readAhead?.stop() }

    /// Whether the input connects HLS segments ahead (it then opens each segment anew, which
    /// `InputFile` asks the demuxer for).
    var readsAhead: Bool { readAhead != nil }

    /// Makes every blocking read of the input return promptly with an error.
    public func cancel() { lock.withLock { cancelled = true } }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Makes blocking opens and reads give up once `date` has passed (nil: wait for ever); a live
    /// input sets one before every read, so a feed that stops delivering is noticed.
    public func interrupt(after date: Date?) { lock.withLock { deadline = date } }

    /// Whether blocking calls should return now: cancelled, or past the deadline.
    private var shouldInterrupt: Bool {
        lock.withLock { cancelled || deadline.map { Date() >= $0 } == true }
    }

    /// Bytes read from the network or disk so far, over every I/O context the input opened.
    public var bytesRead: Int64 {
        lock.withLock { closedBytes + open.keys.reduce(0) { $0 + $1.pointee.bytes_read } }
    }

    /// Why opening a URL of the input failed, when SREtv knows better than FFmpeg's error code:
    /// a URL, redirect or address the allow list refused, a name that does not resolve, a
    /// certificate not valid for its name.
    var refusedURL: MediaError? { lock.withLock { refusal } }

    /// Counts the I/O contexts still open as read: their owner is about to close them without
    /// telling the monitor (the top-level one), after which they must not be looked at.
    func detach() {
        readAhead?.stop()
        lock.withLock {
            closedBytes += open.keys.reduce(0) { $0 + $1.pointee.bytes_read }
            open.removeAll()
        }
    }

    /// The first URL the input could not open, or read to its end, while reading (an HLS segment
    /// the server no longer gives, or stopped giving halfway): the demuxer skips such a segment
    /// and reads on, so a copy must not pass for complete, and this is why what follows is broken.
    var sourceFailure: MediaError? { lock.withLock { failure } }

    /// Installs the hooks on `context`, before it is opened.
    func attach(to context: UnsafeMutablePointer<AVFormatContext>) {
        defaultOpen = context.pointee.io_open
        defaultClose = context.pointee.io_close2
        context.pointee.opaque = Unmanaged.passUnretained(self).toOpaque()
        context.pointee.interrupt_callback = AVIOInterruptCB(
            callback: { opaque in opaque.map { Unmanaged<InputMonitor>.fromOpaque($0).takeUnretainedValue().shouldInterrupt ? 1 : 0 } ?? 0 },
            opaque: Unmanaged.passUnretained(self).toOpaque()
        )
        context.pointee.io_open = { context, pb, url, flags, options in
            guard let context, let monitor = InputMonitor.of(context) else { return sretv_averror(EINVAL) }
            return monitor.open(context, pb, url.map { String(cString: $0) } ?? "", flags, options)
        }
        context.pointee.io_close2 = { context, pb in
            guard let context, let monitor = InputMonitor.of(context) else { return 0 }
            return monitor.close(context, pb)
        }
    }

    private static func of(_ context: UnsafeMutablePointer<AVFormatContext>) -> InputMonitor? {
        context.pointee.opaque.map { Unmanaged<InputMonitor>.fromOpaque($0).takeUnretainedValue() }
    }

    private func open(
        _ context: UnsafeMutablePointer<AVFormatContext>, _ pb: UnsafeMutablePointer<UnsafeMutablePointer<AVIOContext>?>?,
        _ url: String, _ flags: Int32, _ options: UnsafeMutablePointer<OpaquePointer?>?
    ) -> Int32 {
        guard let defaultOpen else { return sretv_averror(EINVAL) }
        guard let opener else {
            let result = url.withCString { defaultOpen(context, pb, $0, flags, options) }
            record(url, result: result, pb: pb, error: nil)
            return result
        }
        // An HLS segment's URL is built from the address the playlist was read from: by name again.
        let named = opener.named(url)
        if let ahead = readAhead?.take(named) {
            pb?.pointee = ahead
            lock.withLock { open[ahead] = named }
            return 0
        }
        let listening = av_dict_get(options?.pointee, "listen", nil, 0).map { String(cString: $0.pointee.value) != "0" } ?? false
        let opened = opener.open(named, listening: listening, interrupt: context.pointee.interrupt_callback) { target, extra in
            var attempt: OpaquePointer?
            av_dict_copy(&attempt, options?.pointee, 0)
            for (key, value) in extra { av_dict_set(&attempt, key, value, 0) }
            let result = target.withCString { defaultOpen(context, pb, $0, flags, &attempt) }
            // What the protocol left unused goes back to the caller, as with a direct open.
            if result >= 0, let options {
                av_dict_free(&options.pointee)
                options.pointee = attempt
            } else {
                av_dict_free(&attempt)
            }
            return result
        }
        if opened.result >= 0, SourcePolicy.isPlaylist(opened.url) { readAhead?.openedPlaylist(opened.url) }
        record(opened.url, result: opened.result, pb: pb, error: opened.error)
        return opened.result
    }

    /// Keeps what an open of `url` gave: the I/O context to count, or why it failed.
    private func record(_ url: String, result: Int32, pb: UnsafeMutablePointer<UnsafeMutablePointer<AVIOContext>?>?, error: MediaError?) {
        lock.withLock {
            if result >= 0, let opened = pb?.pointee {
                open[opened] = url
                return
            }
            if let error, refusal == nil { refusal = error }
            // A refusal is not a source failure: nothing was read from the refused URL.
            if error?.code != .refused, failure == nil {
                failure = error ?? MediaError(.read, "opening", subject: url, averror: result)
            }
        }
    }

    private func close(_ context: UnsafeMutablePointer<AVFormatContext>, _ pb: UnsafeMutablePointer<AVIOContext>?) -> Int32 {
        if let pb {
            lock.withLock {
                guard let url = open.removeValue(forKey: pb) else { return }
                closedBytes += pb.pointee.bytes_read
                let error = pb.pointee.error
                if error < 0, error != sretv_averror_eof(), failure == nil {
                    failure = MediaError(.read, "reading", subject: url, averror: error)
                }
            }
        }
        return defaultClose?(context, pb) ?? 0
    }
}
