import Scheduling

extension LiveFeedStatus {
    /// The status as someone who may not see the source's secrets sees it: its URL, its name (the
    /// URL, for a feed taken by URL) and its error message `SecretRedaction.redacted`.
    public var redacted: LiveFeedStatus {
        var status = self
        status.url = SecretRedaction.redacted(url)
        status.name = SecretRedaction.redacted(name, quoting: url)
        status.lastError = lastError.map { SecretRedaction.redacted($0, quoting: url) }
        return status
    }
}
