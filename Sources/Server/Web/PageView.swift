import Foundation

/// What a page template is rendered with: the layout's frame (language, strings as `t`, user,
/// navigation, CSRF token) and the page's own data as `page`. Templates read it by property name.
struct PageView {
    /// A link of the navigation or of the language switch.
    struct Link {
        var href: String
        var label: String
        var current: Bool
        /// The language of the label (language links), for `lang` and `hreflang`.
        var code: String?
    }

    /// Who is logged in, as the header shows it.
    struct Badge {
        var name: String
        var roleLabel: String
    }

    var lang: String
    /// The strings of `lang` by key: `{{t.login_title}}`.
    var t: [String: String]
    var title: String
    var user: Badge?
    /// The sections the user's role may open.
    var nav: [Link]
    var languages: [Link]
    /// The session's CSRF token (`<meta name="csrf-token">`, the `csrf` form field); nil without a session.
    var csrf: String?
    /// The channel the page is about, shown in the header.
    var channelName: String?
    /// `t` as JSON for `SREtv.t(key)` in the page's JavaScript, safe inside a `<script>` element.
    var stringsJSON: String
    var page: Any
}
