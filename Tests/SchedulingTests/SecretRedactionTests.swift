import Scheduling
import Testing

/// Live source URLs as viewers, guides and logs see them: no passphrase, stream key or password.
struct SecretRedactionTests {
    @Test(arguments: [
        ("srt://0.0.0.0:9000?mode=listener&passphrase=s3cret-pass&latency=200", "srt://0.0.0.0:9000?mode=listener&passphrase=***&latency=200"),
        ("srt://relay.example:9000?streamid=#!::u=ana,r=live&PassPhrase=abc", "srt://relay.example:9000?streamid=***&PassPhrase=***"),
        ("rtmp://ingest.example/live/abcd-1234-key", "rtmp://ingest.example/live/***"),
        ("rtmp://ingest.example:1935/app/inst/key?listen=1", "rtmp://ingest.example:1935/app/inst/***?listen=1"),
        ("rtmp://ingest.example/live", "rtmp://ingest.example/live"),
        ("https://user:hunter2@cdn.example/live.m3u8?token=t0k&x=1", "https://user:***@cdn.example/live.m3u8?token=***&x=1"),
        ("udp://127.0.0.1:5000", "udp://127.0.0.1:5000"),
        ("studio", "studio"),
    ])
    func urlsLoseTheirSecrets(url: String, shown: String) {
        #expect(SecretRedaction.redacted(url) == shown)
    }

    @Test func messagesQuotingAURLLoseItsSecrets() {
        let url = "rtmp://ingest.example/live/abcd-1234-key"
        let message = "opening \"\(url)\" failed: Connection refused (retry with ?key=other)"
        #expect(SecretRedaction.redacted(message, quoting: url) == "opening \"rtmp://ingest.example/live/***\" failed: Connection refused (retry with ?key=***)")
    }

    @Test func aBreakoutWithoutTitleIsListedWithoutTheStreamKey() {
        let breakout = Breakout(id: 1, title: "", source: "rtmp://ingest.example/live/abcd-1234-key", start: .now, end: .now, mode: .rejoin)
        #expect(breakout.programmeTitle == "Live: rtmp://ingest.example/live/***")
    }
}

extension SecretRedactionTests {
    @Test func libraryLogLinesLoseTheSecretsOfEveryURLTheyQuote() {
        let line = "[srt @ 0x1] Connection to srt://127.0.0.1:9000?mode=caller&passphrase=abcdefghij failed; retrying rtmp://ingest.example/live/abcd-1234-key\n"
        #expect(SecretRedaction.redactedText(line) == "[srt @ 0x1] Connection to srt://127.0.0.1:9000?mode=caller&passphrase=*** failed; retrying rtmp://ingest.example/live/***\n")
        #expect(SecretRedaction.redactedText("[tcp @ 0x2] Connection to tcp://127.0.0.1:1?tcp_nodelay=0 failed") == "[tcp @ 0x2] Connection to tcp://127.0.0.1:1?tcp_nodelay=0 failed")
    }
}
