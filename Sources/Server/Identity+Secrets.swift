/// Who may see the secrets of live sources (SRT passphrases, RTMP stream keys): operators and
/// admins, who define and take them. Everyone else sees them `SecretRedaction.redacted`.
extension Identity {
    var seesLiveSecrets: Bool { role >= .operator }
}
