/// A rundown's live URLs as people below operator see them, and back: the secrets of live feeds
/// (SRT passphrases, RTMP stream keys) are never shown to them, and a rundown they save back with
/// the redacted URLs keeps the secrets stored before.
extension Rundown {
    /// The rundown with every live URL's secrets replaced by `SecretRedaction.redactionMark`.
    public var withLiveSecretsRedacted: Rundown {
        var rundown = self
        for index in rundown.items.indices where rundown.items[index].source.kind == .live {
            rundown.items[index].source.uri = SecretRedaction.redacted(rundown.items[index].source.uri)
        }
        return rundown
    }

    /// The rundown with every live URL that carries a redaction mark replaced by the URL of `stored`
    /// it was redacted from, so that a save of a redacted copy loses no secret.
    /// Throws the JSON path of every redacted URL that no live URL of `stored` redacts to.
    public func restoringLiveSecrets(from stored: Rundown?) throws(RundownValidationError) -> Rundown {
        let known = Dictionary(
            (stored?.items ?? []).filter { $0.source.kind == .live }.map { (SecretRedaction.redacted($0.source.uri), $0.source.uri) },
            uniquingKeysWith: { first, _ in first }
        )
        var rundown = self
        var issues: [ValidationIssue] = []
        for (index, item) in items.enumerated() where item.source.kind == .live && item.source.uri.contains(SecretRedaction.redactionMark) {
            if let original = known[item.source.uri] {
                rundown.items[index].source.uri = original
            } else {
                issues.append(ValidationIssue(
                    path: "items[\(index)].source.uri",
                    message: "carries a hidden secret (\(SecretRedaction.redactionMark)) that matches no live URL of the stored rundown; ask an operator to enter the URL with its secret"
                ))
            }
        }
        guard issues.isEmpty else { throw RundownValidationError(issues: issues) }
        return rundown
    }
}
