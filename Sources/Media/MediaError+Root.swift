import Foundation

extension MediaError {
    /// This error with the paths under `root` shown as paths inside it, the way rundowns and the
    /// API name media: what the error says no longer tells where the folder is on this machine.
    public func relative(to root: URL) -> MediaError {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var error = self
        error.subject = subject.replacingOccurrences(of: prefix, with: "")
        error.reason = reason.replacingOccurrences(of: prefix, with: "")
        return error
    }
}
