import CFFmpeg
import Foundation

/// Asks an HTTP(S) server what it answers for a URL without following anything: the request
/// libavformat refused to follow (`max_redirects=0`) is sent again over a plain `tcp` or
/// verified `tls` connection to the same checked address, and only the status line and the
/// `Location` header are read. SREtv then checks the new URL itself before opening it.
enum RedirectProbe {
    /// What the server answered.
    enum Answer: Equatable {
        /// A redirect (301, 302, 303, 307, 308) to `location`, as the header gives it.
        case redirect(status: Int, location: String)
        /// Any other status.
        case status(Int)
    }

    /// Longest response head read.
    static let headLimit = 64 * 1024

    /// Sends `GET` for `connection` and reads the response head; throws the connection's
    /// failure (an FFmpeg error code) when the server cannot be reached or, for `https`, its
    /// certificate is not valid for the name.
    static func ask(_ connection: SourceConnection, interrupt: AVIOInterruptCB) -> Result<Answer, MediaError> {
        guard let components = URLComponents(string: connection.url), let address = connection.address, let port = connection.port else {
            return .failure(MediaError(.invalidArgument, "asking for a redirect at", subject: connection.url, reason: "not a resolved HTTP(S) URL"))
        }
        let tls = connection.scheme == "https"
        let name = connection.host.contains(":") ? "[\(connection.host)]" : connection.host
        let endpoint = tls ? "tls://\(name):\(port)" : "tcp://\(address.urlHost):\(port)"
        var options: OpaquePointer?
        av_dict_set(&options, "protocol_whitelist", tls ? "tls,tcp" : "tcp", 0)
        av_dict_set(&options, "timeout", "10000000", 0)
        if tls { av_dict_set(&options, "tls_verify", "1", 0) }
        defer { av_dict_free(&options) }
        var context: UnsafeMutablePointer<AVIOContext>?
        var callback = interrupt
        let opened = avio_open2(&context, endpoint, AVIO_FLAG_READ_WRITE, &callback, &options)
        guard opened >= 0, let context else {
            let reason = tls ? "no verified TLS connection to \(connection.host) (the certificate must be valid for that name and signed by a CA this system trusts): \(MediaError.message(for: opened))"
                : MediaError.message(for: opened)
            return .failure(MediaError(.open, "connecting to", subject: connection.url, reason: reason))
        }
        defer {
            var closing: UnsafeMutablePointer<AVIOContext>? = context
            avio_closep(&closing)
        }
        let path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
            + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        let request = "GET \(path) HTTP/1.1\r\nHost: \(connection.hostHeader)\r\nUser-Agent: SREtv\r\nAccept: */*\r\nConnection: close\r\n\r\n"
        let bytes = Array(request.utf8)
        avio_write(context, bytes, Int32(bytes.count))
        avio_flush(context)
        var head = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while head.count < headLimit, head.range(of: Data("\r\n\r\n".utf8)) == nil {
            let count = chunk.withUnsafeMutableBufferPointer { avio_read_partial(context, $0.baseAddress, Int32($0.count)) }
            guard count > 0 else { break }
            head.append(contentsOf: chunk[..<Int(count)])
        }
        guard let answer = parse(String(decoding: head, as: UTF8.self)) else {
            return .failure(MediaError(.open, "asking for a redirect at", subject: connection.url, reason: "no HTTP response"))
        }
        return .success(answer)
    }

    /// The status and, for a redirect, the `Location` of an HTTP response head.
    static func parse(_ head: String) -> Answer? {
        let lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.first?.split(separator: " ") ?? []
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else { return nil }
        guard [301, 302, 303, 307, 308].contains(status) else { return .status(status) }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "location" {
                return .redirect(status: status, location: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        }
        return .status(status)
    }
}
