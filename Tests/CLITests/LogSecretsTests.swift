import Foundation
import TestSupport
import Testing

/// A running `sretv serve` never writes a live source's secrets to its log, FFmpeg's own lines
/// (which quote the URLs they fail to open) included.
@Test(.timeLimit(.minutes(3)))
func theServerLogHasNoLiveSourceSecrets() throws {
    let folder = try TemporaryDirectory("sretv-log-secrets")
    let server = try ServerProcess(["--demo", "--data", folder.url.path, "--format", "320x180@25"],
                                   port: ServerProcess.randomPort(), log: folder.url.appendingPathComponent("serve.log"))
    defer { _ = server.stop() }
    try server.waitUntilReady()
    let (_, token) = try server.demoBanner()
    // Nothing answers there: every attempt fails, and FFmpeg says so with the URL.
    let secrets = ["PassphraseSecret7", "StreamidSecret8", "StreamKeySecret9"]
    let sources = [
        ("remote-srt", "srt://127.0.0.1:\(ServerProcess.randomPort())?mode=caller&passphrase=\(secrets[0])&streamid=\(secrets[1])&connect_timeout=500"),
        ("remote-rtmp", "rtmp://127.0.0.1:1/live/\(secrets[2])"),
    ]
    for (name, url) in sources {
        let defined = try SREtvBinary.run(["live", "define", "sretv-demo", name, url, "--server", server.baseURL, "--token", token])
        #expect(defined.status == 0, "\(defined.stderr)")
    }
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline, !server.output.contains("srt://") || !server.output.contains("[rtmp @") { usleep(200_000) }
    let log = server.output
    // FFmpeg's line about the SRT source quotes its URL: redacted.
    #expect(log.contains("passphrase=***&streamid=***"), "\(log)")
    for secret in secrets { #expect(!log.contains(secret), "\(secret) in the log:\n\(log)") }
}
