import Foundation
import Hummingbird
import Store

/// `GET`/`POST /login` and `POST /logout`: a browser logs in with a user name and that user's API
/// token (users have no passwords; the token printed by `sretv user add` or `serve --demo` is their
/// secret) and gets a session cookie (`SessionCookie`); logout deletes the session.
struct LoginController {
    /// The form of `POST /login`.
    struct Form: Decodable {
        var name: String
        var token: String
        var next: String?
    }

    /// The form of `POST /logout`.
    struct LogoutForm: Decodable {
        var csrf: String
    }

    /// The data of `Templates/login.mustache`.
    struct LoginPage {
        var name: String
        var next: String
        /// Whether the last try failed (wrong name or token).
        var failed: Bool
        /// Whether logins with this name or from this address are refused for a while (429).
        var throttled = false
    }

    let database: AppDatabase
    let renderer: PageRenderer

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("login", use: form)
            .post("login", use: login)
            .post("logout", use: logout)
    }

    @Sendable func form(_ request: Request, context: AppRequestContext) throws -> Response {
        let next = Self.localPath(request.uri.queryParameters["next"].map(String.init))
        return try renderer.render("login", titleKey: "login_title", request: request, context: context, page: LoginPage(name: "", next: next, failed: false))
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await Self.decode(Form.self, from: request, context: context)
        let next = Self.localPath(form.next)
        let name = form.name.trimmingCharacters(in: .whitespaces)
        let token = form.token.trimmingCharacters(in: .whitespacesAndNewlines)
        let throttle = LoginThrottle(database: database)
        let address = context.remoteAddress?.ipAddress
        if let retryAfter = try throttle.retryAfter(user: name, address: address) {
            context.logger.notice("web login throttled", metadata: ["user": "\(name)", "address": "\(address ?? "-")"])
            try throttle.record(.loginThrottled, user: name, address: address)
            var response = try renderer.render("login", titleKey: "login_title", request: request, context: context, status: .tooManyRequests,
                                               page: LoginPage(name: name, next: next, failed: false, throttled: true))
            response.headers[.retryAfter] = "\(retryAfter)"
            return response
        }
        guard !token.isEmpty, let user = try database.user(forToken: token), user.name == name else {
            context.logger.notice("web login refused", metadata: ["user": "\(name)"])
            try throttle.record(.loginRefused, user: name, address: address)
            return try renderer.render("login", titleKey: "login_title", request: request, context: context, status: .unauthorized,
                                       page: LoginPage(name: name, next: next, failed: true))
        }
        let secret = AppDatabase.newSecret()
        try database.startSession(idHash: AppDatabase.tokenHash(secret), user: user.name, lifetime: SessionCookie.lifetime)
        var response = Response.redirect(to: next, type: .normal)
        response.setCookie(SessionCookie.cookie(secret, secure: renderer.secureCookies))
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await Self.decode(LogoutForm.self, from: request, context: context)
        guard let login = context.login else { throw APIError.unauthorized("there is no session to end; log in at /login") }
        guard SessionCookie.matches(form.csrf, login.csrfToken) else {
            throw APIError(.forbidden, "the logout form does not carry this session's CSRF token; reload the page and log out again", code: "csrf")
        }
        try database.endSession(idHash: login.idHash)
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(SessionCookie.removal(secure: renderer.secureCookies))
        return response
    }

    /// `next` as a browser would resolve it against this server's root, when it stays on this server:
    /// its path and query; anything else gives `/`, so `next` never leads to another site.
    /// Like a browser (WHATWG URL parsing), C0 controls and spaces around it are dropped, tabs and
    /// line breaks anywhere in it too, and `\` counts as `/`: `/<TAB>/evil.com` is `//evil.com`, another host.
    static func localPath(_ next: String?) -> String {
        guard let next else { return "/" }
        let outer = { (scalar: Unicode.Scalar) in scalar.value <= 0x20 }
        var scalars = Substring(next).unicodeScalars.drop(while: outer)
        while let last = scalars.last, outer(last) { scalars.removeLast() }
        let browserView = String(String.UnicodeScalarView(scalars.compactMap { scalar -> Unicode.Scalar? in
            switch scalar {
            case "\t", "\n", "\r": nil
            case "\\": "/"
            default: scalar
            }
        }))
        let host = "sretv.invalid"
        guard browserView.hasPrefix("/"), !browserView.hasPrefix("//"), let url = URL(string: "http://\(host)\(browserView)"),
              url.scheme == "http", url.host() == host, url.port == nil
        else { return "/" }
        let path = url.path(percentEncoded: true) + (url.query(percentEncoded: true).map { "?\($0)" } ?? "")
        return path.hasPrefix("/") && !path.hasPrefix("//") ? path : "/"
    }

    /// The `application/x-www-form-urlencoded` body of `request` as `T`; 413 past 16 KiB, 400 when it is not one.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: AppRequestContext) async throws -> T {
        let body = try await request.collectBody(upTo: 16_384)
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: body))
        } catch {
            throw APIError(.badRequest, "the form is incomplete or not application/x-www-form-urlencoded: \(error)", code: "invalid")
        }
    }
}
