import Scheduling
import Foundation
import Hummingbird

extension Request {
    /// The whole body, at most `limit` bytes; 413 naming the limit past it.
    func collectBody(upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: limit)
        }
    }

    /// The whole body, refused with 413 past the context's upload limit. Check it with
    /// `JSONBody.checked(_:)` before parsing it as JSON (on `OffPool.documents` when it may be large).
    func data(context: AppRequestContext) async throws -> Data {
        Data(try await collectBody(upTo: context.maxUploadSize).readableBytesView)
    }

    /// The body decoded from JSON as `T` (once `JSONBody.checked(_:)`); 400 saying what did not fit.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: AppRequestContext) async throws -> T {
        try JSONBody.decode(type, from: try await data(context: context))
    }
}

/// Request bodies in JSON.
enum JSONBody {
    /// `data`, once checked against `JSONLimits.standard` without parsing it: 400 naming the JSON
    /// path where it nests too deep, 413 when it holds too many values.
    static func checked(_ data: Data) throws(APIError) -> Data {
        do {
            try JSONLimits.standard.check(data)
        } catch {
            switch error {
            case .tooDeep: throw .invalid("the JSON body nests too deeply", issues: [ValidationIssue(path: error.path, message: error.message)])
            case .tooManyElements: throw APIError(.contentTooLarge, "the JSON body is too large: \(error.message)", code: "too-large")
            }
        }
        return data
    }

    /// `data` decoded as `T` (once `checked(_:)`); 400 saying what did not fit and where.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(APIError) -> T {
        let data = try checked(data)
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, problem) {
            throw invalid(problem.codingPath + [key], "is missing")
        } catch let DecodingError.typeMismatch(_, problem), let DecodingError.valueNotFound(_, problem), let DecodingError.dataCorrupted(problem) {
            throw invalid(problem.codingPath, problem.debugDescription)
        } catch {
            throw invalid([], "\(error)")
        }
    }

    private static func invalid(_ path: [any CodingKey], _ message: String) -> APIError {
        let path = path.map(\.stringValue).joined(separator: ".")
        return .invalid("the JSON body is not valid", issues: [.init(path: path.isEmpty ? "$" : path, message: message)])
    }
}
