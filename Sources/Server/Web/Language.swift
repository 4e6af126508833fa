import Hummingbird

/// The languages of the web pages: Spanish unless the browser chose English with `?lang=en`
/// (remembered in a cookie for a year). Every page string comes from `Strings/<code>.json`.
enum Language: String, CaseIterable, Sendable {
    case es
    case en

    static let cookieName = "sretv_lang"

    /// The language `?lang=` asks for, if it names one.
    init?(query request: Request) {
        guard let code = request.uri.queryParameters["lang"], let language = Language(rawValue: String(code)) else { return nil }
        self = language
    }

    /// The language of a page: `?lang=`, else the cookie, else Spanish.
    init(of request: Request) {
        self = Language(query: request) ?? request.cookies[Self.cookieName].flatMap { Language(rawValue: $0.value) } ?? .es
    }

    /// The cookie that remembers this language.
    func cookie(secure: Bool) -> Cookie {
        Cookie(name: Self.cookieName, value: rawValue, maxAge: 365 * 86400, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
