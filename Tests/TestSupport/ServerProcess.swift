import Foundation

/// A real `sretv serve` running in the background, on a loopback port, as a user starts it.
public final class ServerProcess: @unchecked Sendable {
    private let process = Process()
    private let log: URL
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts `sretv serve --port PORT` with `arguments`; its output goes to `log`.
    public init(_ arguments: [String], port: Int, log: URL) throws {
        self.port = port
        self.log = log
        try Data().write(to: log)
        process.executableURL = URL(fileURLWithPath: SREtvBinary.path)
        process.arguments = ["serve", "--port", "\(port)"] + arguments
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.start()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    /// The server's process ID.
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Everything the server printed so far.
    public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits until `/healthz` answers 200 (the server prints its banner before it listens).
    public func waitUntilReady(timeout: TimeInterval = 120) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard process.isRunning else { throw ServerProcessError("sretv serve exited (\(process.terminationStatus)): \(output)") }
            if (try? HTTPClient.get("\(baseURL)/healthz").status) == 200 { return }
            usleep(200_000)
        }
        throw ServerProcessError("sretv serve did not answer /healthz within \(timeout) s: \(output)")
    }

    /// What the banner of `sretv serve --demo` gives: the signed playlist URL of `channel` and the
    /// admin's API token (each printed on the line after its label).
    public func demoBanner(channel: String = "sretv-demo") throws -> (playlistURL: String, adminToken: String) {
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let playlist = lines.first(where: { $0.hasPrefix("http") && $0.contains("/hls/\(channel)/index.m3u8?") }),
              let tokenLine = lines.firstIndex(where: { $0.hasPrefix("admin API token") }), tokenLine + 1 < lines.count else {
            throw ServerProcessError("no playlist URL of \(channel) or admin token in the banner: \(output)")
        }
        return (playlist, lines[tokenLine + 1])
    }

    /// Waits until the channel at `playlistURL` has published its first segment (the playlist
    /// answers 200), at most `timeout` seconds.
    public func waitForPlaylist(_ playlistURL: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try HTTPClient.get(playlistURL).status != 200 {
            guard Date() < deadline else { throw ServerProcessError("no playlist at \(playlistURL) within \(Int(timeout)) s") }
            usleep(200_000)
        }
    }

    /// Kills the server without warning, as a crash would (SIGKILL).
    public func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Asks the server to stop (SIGTERM) and waits for it, at most `timeout` seconds (then kills it).
    /// - Returns: whether it stopped by itself in time, as an operator's `systemctl stop` expects.
    @discardableResult
    public func stop(timeout: TimeInterval = 30) -> Bool {
        process.terminate()
        return process.waitUntilExit(timeout: timeout)
    }

    /// A free-looking port below Linux's ephemeral range (32768–60999), so that no client
    /// connection's local port can take it between a server's kill and its restart (the test
    /// fails clearly if another listener has it).
    public static func randomPort() -> Int { Int.random(in: 20_000...32_000) }
}

public struct ServerProcessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// HTTP requests with the real `curl`, an independent client.
public enum HTTPClient {
    public struct Response: Sendable {
        public var status: Int
        public var body: String
        /// Header lines as curl printed them, lowercased names.
        public var headers: [String: String]
    }

    public static func get(_ url: String, token: String? = nil) throws -> Response {
        try request("GET", url, token: token)
    }

    /// `method` on `url` (redirects not followed) with a bearer `token`, a `json` or `form`
    /// (`application/x-www-form-urlencoded`) body and extra `headers` (`"Name: value"`).
    public static func request(
        _ method: String, _ url: String, token: String? = nil, json: String? = nil, form: String? = nil, headers: [String] = []
    ) throws -> Response {
        var arguments = ["-s", "-S", "--max-time", "10", "-X", method, "-D", "-", "--path-as-is", url]
        if let token { arguments += ["-H", "Authorization: Bearer \(token)"] }
        if let json { arguments += ["-H", "Content-Type: application/json", "--data-binary", json] }
        if let form { arguments += ["-H", "Content-Type: application/x-www-form-urlencoded", "--data-binary", form] }
        for header in headers { arguments += ["-H", header] }
        let result = try ProcessRunner.run("curl", arguments)
        guard result.status == 0 else { throw ServerProcessError("curl \(url): \(result.stderr)") }
        let parts = result.stdout.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, body: parts.dropFirst().joined(separator: "\r\n\r\n"), headers: headers)
    }
}
