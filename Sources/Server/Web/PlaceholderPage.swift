import Hummingbird

/// A section whose page is not built yet: the route exists with its role check (403 below it) and
/// says the page is coming. Replace its use in `buildRouter` with the real page.
struct PlaceholderPage {
    let section: WebSection
    let renderer: PageRenderer

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).get(use: page)
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) throws -> Response {
        _ = try context.require(section.role)
        return try renderer.render("placeholder", titleKey: section.titleKey, request: request, context: context)
    }
}
