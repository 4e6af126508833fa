import CFFmpeg
import Foundation
import Synchronization

/// Opens every URL of one remote source the same way, whoever asks (the demuxer's first open,
/// an HLS playlist, segment or key, the read-ahead): the URL is checked against the allow list,
/// its host resolved once and the address checked (`SourcePolicy.connections(to:)`), and
/// libavformat connects to that address without following redirects. A redirect is followed
/// here, each new URL checked like the first, so a provider may hand over to a CDN on the list
/// and to nothing else.
///
/// libavformat builds an HLS segment's URL from the address it connected to; the opener
/// remembers which name each address stood for and reads such URLs back by name (`named(_:)`).
final class SourceOpener: Sendable {
    let policy: SourcePolicy
    /// The name behind each address put into a URL, keyed by `scheme://address:port`.
    private let names = Mutex<[String: String]>([:])

    /// The outcome of `open`.
    struct Opened {
        /// FFmpeg's result: 0 or more when open, else an error code.
        let result: Int32
        /// The URL finally opened, by name (after redirects).
        let url: String
        /// Why it failed, when SREtv knows better than FFmpeg's error code: a URL or address
        /// refused (`.refused`), a name that does not resolve, a certificate not valid for it.
        let error: MediaError?
    }

    init(policy: SourcePolicy) { self.policy = policy }

    /// `url` with an address this opener put in place of a host name given back its name.
    func named(_ url: String) -> String {
        let (prefix, inner) = Self.splitCrypto(url)
        guard let key = Self.key(of: inner), let name = names.withLock({ $0[key] }) else { return url }
        return prefix + SourcePolicy.replacingHost(of: inner, with: name)
    }

    /// Opens `url` (by name; a `crypto+` or `crypto:` prefix is kept and the URL it wraps
    /// checked) with `attempt`, which opens what it is given with the extra protocol options
    /// and returns FFmpeg's result. `interrupt` ends the redirect questions' blocking calls.
    /// - Parameter listening: whether the source waits for a sender (its host is a local address).
    func open(
        _ url: String, listening: Bool, interrupt: AVIOInterruptCB, attempt: (String, [String: String]) -> Int32
    ) -> Opened {
        let (prefix, first) = Self.splitCrypto(url)
        var current = first
        for _ in 0...SourcePolicy.maxRedirects {
            let candidates: [SourceConnection]
            do {
                candidates = try policy.connections(to: current, listening: listening)
            } catch {
                return Opened(result: sretv_averror(error.code == .refused ? EPERM : EIO), url: current, error: error)
            }
            // Each checked address in turn while the last could not be reached, as `tcp` does with a name.
            var result = sretv_averror(EIO)
            var connection = candidates[0]
            for candidate in candidates {
                connection = candidate
                remember(candidate)
                result = attempt(prefix + candidate.target, candidate.options)
                guard Self.unreachable.contains(result) else { break }
            }
            // With redirects off, libavformat answers a redirect with EIO (and a bad certificate too).
            guard result < 0, connection.isHTTP, result == sretv_averror(EIO) else {
                return Opened(result: result, url: current, error: nil)
            }
            switch RedirectProbe.ask(connection, interrupt: interrupt) {
            case .failure(let error):
                return Opened(result: result, url: current, error: error)
            case .success(.status):
                return Opened(result: result, url: current, error: nil)
            case .success(.redirect(let status, let location)):
                guard let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else {
                    return Opened(result: result, url: current, error: MediaError(
                        .open, "following a redirect from", subject: current, reason: "status \(status) with an unreadable Location \(String(reflecting: location))"))
                }
                do {
                    _ = try policy.check(next)
                } catch {
                    return Opened(result: sretv_averror(EPERM), url: current, error: MediaError(
                        .refused, "following the redirect (\(status)) from \(current) to", subject: next, reason: error.reason))
                }
                current = next
            }
        }
        return Opened(result: sretv_averror(EIO), url: current, error: MediaError(
            .open, "opening", subject: url, reason: "more than \(SourcePolicy.maxRedirects) redirects"))
    }

    /// FFmpeg's results for an address that could not be reached.
    private static let unreachable: Set<Int32> = Set([ECONNREFUSED, ETIMEDOUT, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, EAFNOSUPPORT].map(sretv_averror))

    /// Notes which name the address in `connection`'s target stands for.
    private func remember(_ connection: SourceConnection) {
        guard connection.target != connection.url, let key = Self.key(of: connection.target) else { return }
        let name = connection.host.contains(":") ? "[\(connection.host)]" : connection.host
        names.withLock { $0[key] = name }
    }

    /// `scheme://host:port` of `url`, the port given or the scheme's default.
    private static func key(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let range = components.rangeOfHost else { return nil }
        let port = components.port ?? ["http": 80, "https": 443][scheme] ?? 0
        return "\(scheme)://\(url[range].lowercased()):\(port)"
    }

    /// A `crypto+`/`crypto:` prefix (AES-128 HLS segments) and the URL it wraps.
    static func splitCrypto(_ url: String) -> (prefix: String, url: String) {
        for prefix in ["crypto+", "crypto:"] where url.hasPrefix(prefix) {
            return (prefix, String(url.dropFirst(prefix.count)))
        }
        return ("", url)
    }
}
