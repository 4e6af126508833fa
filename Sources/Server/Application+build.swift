import Hummingbird
import Logging
import Playout
import Store

/// The HTTP server of SREtv: HLS, the REST API, guides, metrics. Run it as a service (`runService()`).
///
/// - Parameters:
///   - live: the channels on air, whose playlists and segments `/hls` serves.
///   - metrics: where requests are counted; hand the same object to the playout so it reports there too.
///   - probes: media probes, cached; share the playout's so a file is probed once.
///   - liveFeeds: the live sources the server watches (nil: it airs none, and live requests answer 503).
///   - switcher: the channels operators take live feeds on.
public func buildApplication(
    settings: ServerSettings, database: AppDatabase, live: any LiveOutput, metrics: ServerMetrics = ServerMetrics(),
    probes: ProbeCache = ProbeCache(), liveFeeds: LiveFeeds? = nil, switcher: (any LiveSwitcher)? = nil, logger: Logger
) throws(ServerSetupError) -> some ApplicationProtocol {
    let router = try buildRouter(settings: settings, database: database, live: live, metrics: metrics, probes: probes,
                                 liveFeeds: liveFeeds, switcher: switcher, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "SREtv"),
        logger: logger
    )
}

/// Every route, behind the middleware that counts requests, answers errors in JSON and reads bearer
/// tokens and session cookies; the web pages answer errors in HTML instead (`PageMiddleware`).
func buildRouter(
    settings: ServerSettings, database: AppDatabase, live: any LiveOutput, metrics: ServerMetrics, probes: ProbeCache,
    liveFeeds: LiveFeeds? = nil, switcher: (any LiveSwitcher)? = nil, logger: Logger
) throws(ServerSetupError) -> Router<AppRequestContext> {
    let signer: URLSigner
    let worker: IngestWorker
    let ingest = MediaIngest(database: database, mediaRoot: settings.mediaRoot, profile: settings.channelProfile)
    do {
        signer = try URLSigner(settings: settings, database: database)
        worker = try IngestWorker(ingest: ingest, logger: logger)
    } catch {
        throw .store(error)
    }
    let resources: WebResources
    do { resources = try WebResources() } catch { throw .webResources(error) }
    let schedule = StoredSchedule(database: database, mediaRoot: settings.mediaRoot, cache: probes)
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RequestCountingMiddleware(metrics: metrics)
        JSONErrorMiddleware()
        BearerAuthenticator(database: database)
        SessionAuthenticator(database: database)
        RefusalAuditMiddleware(database: database)
    }
    router.get("/healthz") { _, _ in "ok" }
    router.addRoutes(MetricsController(metrics: metrics, liveFeeds: liveFeeds).endpoints, atPath: "/metrics")
    router.addRoutes(HLSController(live: live, signer: signer, metrics: metrics).endpoints, atPath: "/hls")
    router.addRoutes(ChannelController(database: database, signer: signer).endpoints, atPath: "/api/channels")
    router.addRoutes(RundownController(database: database).endpoints, atPath: "/api/channels/{channel}/rundowns/{date}")
    router.addRoutes(RundownPreviewController(schedule: schedule).endpoints, atPath: "/api/channels/{channel}/rundowns/{date}")
    router.addRoutes(ScheduleController(schedule: schedule, live: live).endpoints, atPath: "/api/channels/{channel}")
    router.addRoutes(LiveController(database: database, feeds: liveFeeds, switcher: switcher).endpoints, atPath: "/api/channels/{channel}")
    router.addRoutes(EventsController(database: database, live: live, feeds: liveFeeds, metrics: metrics, lifetime: settings.eventStreamLifetime).endpoints,
                     atPath: "/api/channels/{channel}")
    router.addRoutes(UserController(database: database).endpoints, atPath: "/api/users")
    router.addRoutes(LiveFeedsController(feeds: liveFeeds).endpoints, atPath: "/api/live/feeds")
    router.addRoutes(MediaController(database: database, worker: worker, ingest: ingest, maxUploadBytes: settings.maxUploadBytes).endpoints, atPath: "/api/media")
    router.addRoutes(MediaPreviewController(database: database, mediaRoot: settings.mediaRoot).endpoints, atPath: "/api/media")
    router.addRoutes(JobController(database: database, worker: worker).endpoints, atPath: "/api/jobs")
    router.addRoutes(GuideController(schedule: schedule, signer: signer).endpoints)
    router.addRoutes(AuditController(database: database).endpoints, atPath: "/api/audit")
    addPages(to: router, renderer: PageRenderer(resources: resources, settings: settings), database: database, schedule: schedule, live: live, signer: signer)
    return router
}

/// The web pages (HTML, behind `PageMiddleware`) and their static files.
private func addPages(
    to router: Router<AppRequestContext>, renderer: PageRenderer, database: AppDatabase, schedule: StoredSchedule, live: any LiveOutput, signer: URLSigner
) {
    router.addRoutes(StaticController(resources: renderer.resources).endpoints, atPath: "/static")
    let pages = router.group().add(middleware: PageMiddleware(renderer: renderer)).add(middleware: RefusalAuditMiddleware(database: database))
    pages.addRoutes(LoginController(database: database, renderer: renderer).endpoints)
    pages.addRoutes(WatchPage(database: database, schedule: schedule, live: live, signer: signer, renderer: renderer).endpoints)
    for section in [WebSection.studio, .control] {
        pages.addRoutes(ConsolePage(section: section, database: database, live: live, renderer: renderer).endpoints, atPath: RouterPath(section.path))
    }
    pages.addRoutes(AdminPage(database: database, renderer: renderer).endpoints, atPath: RouterPath(WebSection.admin.path))
}
