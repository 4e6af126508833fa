import Foundation

/// A provider's web server stand-in: Python's `http.server` on 127.0.0.1 serving `directory`,
/// optionally throttled so a transfer lasts long enough to be interrupted. It can be killed
/// (as a crash would) and started again on the same port.
public final class StandInProvider: @unchecked Sendable {
    public let directory: String
    private let bytesPerSecond: Int?
    private let log: URL
    private var process: Process?
    /// The port it listens on (chosen by the system on the first start).
    public private(set) var port = 0

    /// Serves `directory`; with `bytesPerSecond`, every response is sent at about that rate.
    public init(directory: String, bytesPerSecond: Int? = nil) throws {
        self.directory = directory
        self.bytesPerSecond = bytesPerSecond
        log = FileManager.default.temporaryDirectory.appendingPathComponent("sretv-standin-\(UUID().uuidString).log")
        try start()
    }

    deinit {
        kill()
        try? FileManager.default.removeItem(at: log)
    }

    /// The URL of `name` in the served folder.
    public func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

    /// The paths of the GET requests answered so far, in order.
    public var requests: [String] {
        let log = (try? String(contentsOf: self.log, encoding: .utf8)) ?? ""
        return log.matches(of: /"GET (\S+) HTTP/).map { String($0.1) }
    }

    /// Starts the server (again) and waits until it listens.
    public func start() throws {
        try Data().write(to: log)
        let process = Process()
        // Debian's python3, which scripts/install-deps installs for the tests.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        if let bytesPerSecond {
            process.arguments = ["-u", "-c", Self.throttledServer, "\(port)", directory, "\(bytesPerSecond)"]
        } else {
            process.arguments = ["-u", "-m", "http.server", "--bind", "127.0.0.1", "\(port)", "--directory", directory]
        }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.start()
        self.process = process
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let match = output.firstMatch(of: /port (\d+)/), let port = Int(match.1) {
                self.port = port
                return
            }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        throw ServerProcessError("the stand-in provider did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// Kills the server without warning (SIGKILL), dropping the transfers in progress.
    public func kill() {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// `http.server` with a handler that sends 4 KiB and then sleeps to keep the rate: small
    /// chunks, so that even a segment of a few dozen KiB takes its time (with 64 KiB chunks it
    /// left at once, and a busy test killed the server only after the transfer had ended).
    private static let throttledServer = """
        import functools, http.server, sys, time
        port, directory, rate = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
        class Throttled(http.server.SimpleHTTPRequestHandler):
            def copyfile(self, source, target):
                while chunk := source.read(4096):
                    target.write(chunk)
                    time.sleep(len(chunk) / rate)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Throttled, directory=directory))
        print(f"Serving HTTP on 127.0.0.1 port {server.server_address[1]}", flush=True)
        server.serve_forever()
        """
}
