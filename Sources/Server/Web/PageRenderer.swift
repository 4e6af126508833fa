import Foundation
import Hummingbird
import Store

/// Renders the web pages: a template of `Web/Resources/Templates` that extends `layout`, in the
/// request's language, with the frame of who is logged in, and the headers every page carries
/// (no caching, a Content-Security-Policy that allows only the server's own scripts and styles).
struct PageRenderer: Sendable {
    let resources: WebResources
    /// Where signed playlist URLs point, allowed as a media source.
    let mediaOrigin: String
    /// Whether cookies get `Secure` (the server is reached over https).
    let secureCookies: Bool

    init(resources: WebResources, settings: ServerSettings) {
        self.resources = resources
        mediaOrigin = settings.publicBaseURL
        secureCookies = settings.publicBaseURL.lowercased().hasPrefix("https:")
    }

    /// `template` with `page` as its data, titled with the string `titleKey`.
    func render(
        _ template: String, titleKey: String, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok,
        channelName: String? = nil, page: Any = [String: String]()
    ) throws(WebResourceError) -> Response {
        let view = self.view(titleKey: titleKey, request: request, context: context, channelName: channelName, page: page)
        guard let html = resources.templates.render(view, withTemplate: template) else {
            throw WebResourceError(file: "Templates/\(template).mustache", reason: "does not exist")
        }
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'self'; media-src 'self' blob: \(mediaOrigin); img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "same-origin",
        ]
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The strings of `request`'s language.
    func strings(for request: Request) -> [String: String] {
        resources.strings[Language(of: request)] ?? [:]
    }

    private func view(titleKey: String, request: Request, context: AppRequestContext, channelName: String?, page: Any) -> PageView {
        let language = Language(of: request)
        let t = resources.strings[language] ?? [:]
        var identity: Identity?
        if case .valid(let valid) = context.credentials { identity = valid }
        let path = request.uri.path
        let nav = WebSection.allCases.filter { section in identity.map { $0.role >= section.role } ?? false }.map {
            PageView.Link(href: $0.path, label: t[$0.titleKey] ?? $0.rawValue, current: path == $0.path)
        }
        let languages = Language.allCases.map {
            PageView.Link(href: Self.uri(of: request, language: $0), label: t["language_\($0.rawValue)"] ?? $0.rawValue, current: $0 == language, code: $0.rawValue)
        }
        return PageView(
            lang: language.rawValue, t: t, title: t[titleKey] ?? titleKey,
            user: identity.map { PageView.Badge(name: $0.name, roleLabel: t["role_\($0.role.rawValue)"] ?? $0.role.rawValue) },
            nav: nav, languages: languages, csrf: context.login?.csrfToken, channelName: channelName,
            stringsJSON: Self.scriptJSON(t), page: page
        )
    }

    /// `request`'s path and query with `lang` set to `language`.
    static func uri(of request: Request, language: Language) -> String {
        var components = URLComponents()
        components.path = request.uri.path
        components.queryItems = request.uri.queryParameters.filter { $0.key != "lang" }.map { URLQueryItem(name: String($0.key), value: String($0.value)) }
            + [URLQueryItem(name: "lang", value: language.rawValue)]
        return components.string ?? "/?lang=\(language.rawValue)"
    }

    /// `strings` as JSON that cannot end the `<script>` element it sits in.
    static func scriptJSON(_ strings: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(strings)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
