import Foundation
import Hummingbird

/// Wraps the web pages: a request without a login is sent to `/login?next=…`, any other error is
/// answered with an HTML page in the request's language (403 for a role too small), and `?lang=`
/// is remembered in a cookie.
struct PageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    /// The data of `Templates/error.mustache`.
    struct ErrorPage {
        var status: Int
        var forbidden: Bool
        var message: String
    }

    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let failure = JSONErrorMiddleware.apiError(for: error, context: context)
            if failure.status == .unauthorized {
                response = .redirect(to: "/login?next=\(Self.queryEscaped(request.uri.description))", type: .normal)
            } else {
                let page = ErrorPage(status: Int(failure.status.code), forbidden: failure.status == .forbidden, message: failure.body.error)
                response = try renderer.render("error", titleKey: failure.status == .forbidden ? "error_forbidden_title" : "error_title",
                                               request: request, context: context, status: failure.status, page: page)
            }
        }
        if let language = Language(query: request) { response.setCookie(language.cookie(secure: renderer.secureCookies)) }
        return response
    }

    /// `text` escaped for a query value.
    static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? "/"
    }
}
