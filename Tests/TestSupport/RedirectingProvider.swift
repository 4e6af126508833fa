import Foundation

/// A provider's web server that also redirects: Python's `http.server` on 127.0.0.1 serving
/// `directory`, answering `GET /302/<url>` with `302 Found` and `Location: <url>` (any URL, also
/// relative), and optionally speaking HTTPS with a certificate of its own (self-signed in the
/// tests, so that certificate verification can be seen to refuse it).
public final class RedirectingProvider: @unchecked Sendable {
    private let log: URL
    private let process: Process
    /// The port it listens on.
    public let port: Int
    /// `http` or `https`.
    public let scheme: String

    /// Serves `directory`; with `certificate` and `key` (PEM files), over HTTPS.
    public init(directory: String, certificate: String? = nil, key: String? = nil) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("sretv-redirecting-\(UUID().uuidString).log")
        try Data().write(to: log)
        scheme = certificate == nil ? "http" : "https"
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-u", "-c", Self.server, directory] + [certificate, key].compactMap { $0 }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.start()
        let deadline = Date().addingTimeInterval(10)
        var found: Int?
        while Date() < deadline, found == nil, process.isRunning {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            found = output.firstMatch(of: /port (\d+)/).flatMap { Int($0.1) }
            if found == nil { usleep(50_000) }
        }
        guard let found else {
            process.terminate()
            throw ServerProcessError("the redirecting provider did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        port = found
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }

    /// The URL of `path` on this server, reached through `host` (`127.0.0.1` or `localhost`).
    public func url(_ path: String, host: String = "127.0.0.1") -> String { "\(scheme)://\(host):\(port)/\(path)" }

    /// A URL on this server that redirects to `target`.
    public func redirect(to target: String, host: String = "127.0.0.1") -> String { url("302/" + target, host: host) }

    /// The paths of the GET requests answered so far, in order.
    public var requests: [String] {
        let log = (try? String(contentsOf: self.log, encoding: .utf8)) ?? ""
        return log.matches(of: /"GET (\S+) HTTP/).map { String($0.1) }
    }

    /// Writes a self-signed certificate for 127.0.0.1 and localhost, and its key, into `folder`.
    public static func selfSignedCertificate(in folder: String) throws -> (certificate: String, key: String) {
        let certificate = folder + "/cert.pem"
        let key = folder + "/key.pem"
        let result = try ProcessRunner.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ])
        guard result.status == 0 else { throw ServerProcessError("openssl could not make a certificate: \(result.stderr)") }
        return (certificate, key)
    }

    private static let server = """
        import functools, http.server, ssl, sys
        directory = sys.argv[1]
        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self):
                if self.path.startswith("/302/"):
                    self.send_response(302)
                    self.send_header("Location", self.path[len("/302/"):])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                super().do_GET()
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=directory))
        if len(sys.argv) > 3:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[2], sys.argv[3])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        print(f"Serving on 127.0.0.1 port {server.server_address[1]}", flush=True)
        server.serve_forever()
        """
}
