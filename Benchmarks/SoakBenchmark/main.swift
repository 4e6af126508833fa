// Soak run: `sretv serve --demo` ($SRETV_BINARY, else the debug build) airs its channel
// for MINUTES while a real HLS client (the `ffmpeg` program) plays it through and the playlist is
// read once a second as a player would. Prints every HLS rule breach (shared/design/hls-rules.md,
// R1–R6 across fetches), the client's errors, how far the newest segment's program-date-time
// trails the clock, and the server's memory and CPU over the run. Exits 1 on a breach or a
// client error; the figures are for reading, not limits.
// Usage: SoakBenchmark [MINUTES (10)]
import Foundation
import TestSupport

/// Prints `line` at once (a line a minute while it runs, also into a pipe).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

let minutes = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 10
let seconds = minutes * 60
let folder = try TemporaryDirectory("sretv-soak")
let server = try ServerProcess(["--demo", "--data", folder.url.path, "--format", "640x360@25"],
                               port: ServerProcess.randomPort(), log: folder.url.appendingPathComponent("serve.log"))
try server.waitUntilReady()
let playlistURL = try server.demoBanner().playlistURL
try server.waitForPlaylist(playlistURL, timeout: 60)

let reader = Process()
reader.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
reader.arguments = ["-nostdin", "-v", "error", "-i", playlistURL, "-t", "\(Int(seconds))", "-f", "null", "-"]
let readerErrors = folder.url.appendingPathComponent("reader.err")
try Data().write(to: readerErrors)
reader.standardError = try FileHandle(forWritingTo: readerErrors)
try reader.start()

var observer = LivePlaylistObserver()
var samples: [(time: Date, process: ProcessSample)] = []
var worstLag = 0.0
let end = Date().addingTimeInterval(seconds)
var nextReport = Date().addingTimeInterval(60)
while Date() < end {
    let response = try HTTPClient.get(playlistURL)
    if response.status == 200 { observer.observe(response.body) } else { observer.note("playlist answered \(response.status)") }
    if let newest = observer.segments.last, let date = newest.programDateTime {
        worstLag = max(worstLag, Date().timeIntervalSince(date.addingTimeInterval(newest.duration)))
    }
    if samples.count < observer.fetches / 10 + 1, let sample = ProcessSample(pid: server.processIdentifier) { samples.append((Date(), sample)) }
    if Date() >= nextReport {
        nextReport = nextReport.addingTimeInterval(60)
        say(String(format: "%4.0f min: %d segments, %d breaches, %.1f MB resident", Date().timeIntervalSince(end.addingTimeInterval(-seconds)) / 60,
                     observer.segments.count, observer.problems.count, samples.last?.process.residentMegabytes ?? 0))
    }
    usleep(1_000_000)
}
let readerEnded = reader.waitUntilExit(timeout: 60)
let stopped = server.stop()
let errors = (try? String(contentsOf: readerErrors, encoding: .utf8)) ?? ""

let first = samples.first, last = samples.last
say(String(format: "soak of %.0f min: %d playlist fetches, %d segments", minutes, observer.fetches, observer.segments.count))
say("HLS rule breaches: \(observer.problems.count)")
for problem in observer.problems.prefix(10) { say("  \(problem)") }
say("ffmpeg client: \(readerEnded ? "played through" : "did not end") with status \(reader.terminationStatus), \(errors.isEmpty ? "no errors" : "errors:\n\(errors.prefix(2000))")")
say(String(format: "newest segment's end behind the clock: worst %.1f s", worstLag))
if let first, let last, last.time > first.time {
    say(String(format: "server memory: %.1f MB at the start, %.1f MB at the end, %.1f MB at most", first.process.residentMegabytes,
                 last.process.residentMegabytes, samples.map(\.process.residentMegabytes).max() ?? 0))
    say(String(format: "server CPU: %.2f %% of a core", (last.process.cpuSeconds - first.process.cpuSeconds) / last.time.timeIntervalSince(first.time) * 100))
}
say("server stopped on SIGTERM: \(stopped ? "yes" : "no (killed)")")
exit(observer.problems.isEmpty && errors.isEmpty && readerEnded && reader.terminationStatus == 0 && stopped ? 0 : 1)
