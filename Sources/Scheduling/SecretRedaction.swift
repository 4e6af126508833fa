import Foundation

/// Takes the secrets out of live source URLs (SRT passphrases, RTMP stream keys, passwords,
/// tokens): the one place they are redacted for viewers, guides and logs.
public enum SecretRedaction {
    /// What stands in for a secret.
    public static let redactionMark = "***"

    /// Query parameters (any case) whose values are secrets: SRT's `passphrase` and `streamid`
    /// (which often carries a user and a resource key), and the usual names of keys and tokens.
    public static let secretParameters = ["passphrase", "streamid", "key", "token", "password", "passwd", "pass", "secret", "auth", "sig", "signature"]

    /// `url` with its secrets replaced by `***`: the password of a `user:password@` in the authority,
    /// the stream key of an RTMP URL (the last path component of `rtmp://host/app/KEY`), and the
    /// values of the query (or fragment) parameters named in `secretParameters`.
    public static func redacted(_ url: String) -> String {
        var rest = Substring(url)
        var result = ""
        var scheme = ""
        if let separator = rest.range(of: "://") {
            scheme = rest[..<separator.lowerBound].lowercased()
            result += rest[..<separator.upperBound]
            rest = rest[separator.upperBound...]
            let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
            var authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                let userInfo = authority[..<at]
                result += userInfo.firstIndex(of: ":").map { userInfo[...$0] + redactionMark } ?? String(userInfo)
                result += "@"
                authority = authority[authority.index(after: at)...]
            }
            result += authority
            rest = rest[authorityEnd...]
        }
        let pathEnd = rest.firstIndex { "?#".contains($0) } ?? rest.endIndex
        var path = String(rest[..<pathEnd])
        if scheme.hasPrefix("rtmp") {
            var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if components.filter({ !$0.isEmpty }).count >= 2, let last = components.lastIndex(where: { !$0.isEmpty }) {
                components[last] = redactionMark
                path = components.joined(separator: "/")
            }
        }
        return result + path + redactedParameters(String(rest[pathEnd...]))
    }

    /// `text` (an error message, a log line) with `url` in it redacted, and any other URL it
    /// quotes (`scheme://…` up to a blank or a quote) and secret parameter (`?passphrase=…`, `&key=…`).
    public static func redacted(_ text: String, quoting url: String) -> String {
        let quoted = url.isEmpty ? text : text.replacingOccurrences(of: url, with: redacted(url))
        return redactedParameters(quoted.replacing(quotedURL) { redacted(String($0.output)) })
    }

    /// `text` (a log line of a library) with every URL and secret parameter it quotes redacted.
    public static func redactedText(_ text: String) -> String {
        redacted(text, quoting: "")
    }

    /// `text` with the value of every secret parameter after `?`, `&`, `#` or `;` replaced, up to
    /// the next `&`, blank, quote or `)` (an SRT `streamid` may hold `#`).
    private static func redactedParameters(_ text: String) -> String {
        text.replacing(secretParameter) { match in "\(match.output.1)\(redactionMark)" }
    }

    nonisolated(unsafe) private static let quotedURL = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>]+/

    nonisolated(unsafe) private static let secretParameter: Regex<(Substring, Substring)> = {
        let names = secretParameters.joined(separator: "|")
        // Force-try: the pattern is built from the fixed names above.
        return try! Regex("([?&#;](?:\(names))=)[^&\\s\"')]*").ignoresCase()
    }()
}
