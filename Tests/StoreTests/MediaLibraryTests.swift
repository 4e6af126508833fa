import Foundation
import Scheduling
@testable import Store
import TestSupport
import Testing

/// The media library, ingest jobs and providers in a real SQLite file.
struct MediaLibraryTests {
    let fixture: StoreFixture
    var database: AppDatabase { fixture.database }

    init() throws {
        fixture = try StoreFixture()
    }

    /// Records an ingest of `title` from Canal Once.
    func ingest(_ title: String, tags: [String] = [], category: String? = nil) throws -> (job: Job, asset: MediaAsset) {
        let request = AppDatabase.IngestRequest(
            sourceURL: "https://media.example/\(title).mp4", provider: "Canal Once", title: title, category: category, tags: tags, fileExtension: "mp4"
        )
        return try database.createIngest(request, actor: "ana")
    }

    @Test func predefinedProvidersStartWithNoHostsAndTakeAList() throws {
        #expect(try database.providers().map(\.name) == ["Canal Once", "Notimex", "SPR"])
        #expect(try database.providers().allSatisfy(\.hosts.isEmpty))
        let set = try database.setProviderHosts("Notimex", hosts: ["Media.Notimex.example", " cdn.notimex.example", ""], actor: "ana")
        #expect(set.hosts == ["cdn.notimex.example", "media.notimex.example"])
        #expect(try database.provider(named: "Notimex")?.hosts == set.hosts)
        #expect(storeError { try database.setProviderHosts("SPR", hosts: ["http://x.example/"], actor: "ana") }?.code == "invalid")
    }

    @Test func anIngestRecordsAnIngestingAssetAtItsLibraryPathAndAQueuedJob() throws {
        let (job, asset) = try ingest("Cultura en Acción!", tags: ["cultura"])
        #expect(asset.status == .ingesting)
        #expect(asset.uri == "library/canal-once/\(asset.id)-cultura-en-accion.mp4")
        #expect(job.state == .queued)
        #expect(job.assetId == asset.id)
        #expect(try database.job(id: job.id) == job)
        #expect(try database.auditEntries(limit: 1).first?.action == .mediaIngest)
        #expect(storeError { try database.createIngest(.init(sourceURL: "https://x/y.mp4", provider: "Nobody", title: "t", fileExtension: "ts"), actor: "ana") }
            == .notFound(.provider("Nobody")))
    }

    @Test func aFinishedIngestIsReadyOrNotAirableWithItsFacts() throws {
        let ready = try ingest("Ready")
        let unfit = try ingest("Unfit")
        for job in [ready.job, unfit.job] { #expect(try database.startJob(id: job.id)?.state == .running) }
        #expect(try database.recordProgress(job: ready.job.id, percent: 40, bytes: 1_000, speed: 3))
        #expect(try database.job(id: ready.job.id)?.progress == 40)
        let checksum = String(repeating: "ab", count: 32)
        let verdict = #"{"airable": true, "problems": [], "warnings": ["loud"]}"#
        let examined = AppDatabase.Examination(duration: 6, facts: #"{"duration": 6}"#, checksum: checksum, verdict: verdict, problems: [],
                                               thumbnail: ready.asset.thumbnailPath)
        try database.finishIngest(job: ready.job.id, outcome: .copied(examined))
        var unfitExamination = examined
        (unfitExamination.problems, unfitExamination.thumbnail) = (["video codec mpeg2video"], nil)
        try database.finishIngest(job: unfit.job.id, outcome: .copied(unfitExamination))
        let readyAsset = try #require(try database.asset(id: ready.asset.id))
        #expect(readyAsset.status == .ready)
        #expect(readyAsset.duration == 6)
        #expect(readyAsset.checksum == checksum)
        #expect(readyAsset.verdict == verdict)
        #expect(readyAsset.thumbnail == "library/canal-once/\(ready.asset.id)-ready.jpg")
        #expect(try database.job(id: ready.job.id)?.state == .done)
        #expect(try database.asset(id: unfit.asset.id)?.status == .notAirable)
        #expect(try database.asset(id: unfit.asset.id)?.error == "video codec mpeg2video")
    }

    @Test func searchMatchesTitleTagsProviderAndCategoryAndFiltersByStatus() throws {
        let news = try ingest("Noticias de la mañana", tags: ["noticias"])
        _ = try ingest("Documental", tags: ["historia"], category: "Cultura")
        #expect(try database.assets(matching: "cultura").map(\.title) == ["Documental"])
        #expect(try database.assets(matching: "HISTORIA").map(\.title) == ["Documental"])
        #expect(try database.assets(matching: "mañana").map(\.id) == [news.asset.id])
        #expect(try database.assets(matching: "canal").count == 2)
        #expect(try database.assets(provider: "Notimex").isEmpty)
        #expect(try database.assets(status: .ingesting).count == 2)
        #expect(try database.assets(status: .ready).isEmpty)
    }

    @Test func onlyQueuedOrRunningJobsCancelAndOnlyFailedOrCancelledOnesRetry() throws {
        let (job, asset) = try ingest("Clip")
        #expect(storeError { try database.retryJob(id: job.id, actor: "ana") }?.code == "wrong-state")
        let cancelled = try database.cancelJob(id: job.id, actor: "ana")
        #expect(cancelled.state == .cancelled)
        #expect(try database.asset(id: asset.id)?.status == .failed)
        #expect(try database.startJob(id: job.id) == nil)
        #expect(storeError { try database.cancelJob(id: job.id, actor: "ana") }?.code == "wrong-state")
        let retried = try database.retryJob(id: job.id, actor: "luis")
        #expect(retried.state == .queued)
        #expect(retried.error == nil)
        #expect(try database.asset(id: asset.id)?.status == .ingesting)
    }

    @Test func aFailedJobOfAnUploadOrWatchFolderFileCannotBeRetried() throws {
        for source in ["upload:clip.mp4", "incoming:clip.mp4"] {
            let request = AppDatabase.IngestRequest(sourceURL: source, provider: "Canal Once", title: "Clip", fileExtension: "mp4")
            let (job, asset) = try database.createIngest(request, actor: "ana")
            _ = try database.startJob(id: job.id)
            try database.finishIngest(job: job.id, outcome: .failed("bad data"))
            let refused = storeError { try database.retryJob(id: job.id, actor: "ana") }
            #expect(refused?.code == "wrong-state")
            #expect(refused?.description.contains("\(source), a file that was not kept") == true, "\(String(describing: refused))")
            #expect(try database.job(id: job.id)?.state == .failed)
            #expect(try database.asset(id: asset.id)?.status == .failed)
        }
    }

    @Test func jobsLeftRunningByAStoppedServerFailAndCanBeRetried() throws {
        let (job, _) = try ingest("Clip")
        _ = try database.startJob(id: job.id)
        try database.failInterruptedJobs()
        #expect(try database.job(id: job.id)?.state == .failed)
        #expect(try database.job(id: job.id)?.error?.contains("interrupted") == true)
        #expect(try database.retryJob(id: job.id, actor: "ana").state == .queued)
    }

    @Test func anAssetAPublishedRundownNamesIsNotDeleted() throws {
        let (job, asset) = try ingest("Opening")
        _ = try database.startJob(id: job.id)
        try database.finishIngest(job: job.id, outcome: .failed("server gone"))
        let item = RundownItem(id: "opening", title: "Opening", source: RundownSource(kind: .public, uri: asset.uri, provider: "Canal Once"), duration: 60)
        let rundown = Rundown(channel: StoreFixture.channel, date: StoreFixture.day, timeZone: Rundown.defaultTimeZone, items: [item])
        try database.saveRundown(rundown, baseVersion: nil, actor: "ana")
        #expect(try database.usage(ofMedia: asset.uri).isEmpty) // a draft does not air
        try database.publish(channel: StoreFixture.channel, date: StoreFixture.day, actor: "ana")
        let use = MediaUsage(channel: StoreFixture.channel, date: StoreFixture.day, version: 1)
        #expect(try database.usage(ofMedia: asset.uri) == [use])
        #expect(storeError { try database.deleteAsset(id: asset.id, actor: "ana") } == .inUse(asset: asset.id, uri: asset.uri, rundowns: [use]))
        #expect(try database.asset(id: asset.id) != nil)
        let other = try ingest("Other")
        _ = try database.cancelJob(id: other.job.id, actor: "ana")
        #expect(try database.deleteAsset(id: other.asset.id, actor: "ana").id == other.asset.id)
        #expect(try database.asset(id: other.asset.id) == nil)
        #expect(try database.job(id: other.job.id)?.assetId == nil)
    }
}
