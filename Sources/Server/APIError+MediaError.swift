import Hummingbird
import Media

extension APIError {
    /// The answer to a refused source: a host off the provider's list 403, any other bad URL 400.
    /// Other media failures do not reach requests (ingests run in the background).
    init(_ error: MediaError) {
        switch error.code {
        case .refused: self.init(.forbidden, error.description, code: "host-not-allowed")
        case .invalidArgument: self.init(.badRequest, error.description, code: "invalid-url")
        default: self.init(.internalServerError, error.description, code: "media")
        }
    }
}
