import Hummingbird
import Store

extension APIError {
    /// The answer to a refused store operation: conflicts 409 (with who saved what when), missing
    /// things 404, refused arguments 400, database failures 500.
    init(_ error: StoreError) {
        switch error {
        case .conflict(_, _, _, let current, let savedBy, let savedAt):
            self.init(.conflict, error.description, code: error.code)
            (body.current, body.savedBy, body.savedAt) = (current, savedBy, savedAt)
        case .notFound: self.init(.notFound, error.description, code: error.code)
        case .channelExists, .wrongState: self.init(.conflict, error.description, code: error.code)
        case .inUse(_, _, let rundowns):
            self.init(.conflict, error.description, code: error.code)
            body.usedBy = rundowns
        case .invalid: self.init(.badRequest, error.description, code: error.code)
        case .storage: self.init(.internalServerError, error.description, code: error.code)
        }
    }
}
