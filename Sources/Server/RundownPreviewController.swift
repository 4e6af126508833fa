import Foundation
import Hummingbird
import Playout
import Scheduling
import Store

/// `POST /api/channels/{channel}/rundowns/{date}/preview` (producer): a rundown as it is being
/// edited, unsaved, resolved the way the playout would air it were it published, with every
/// problem it has, parsed and resolved on `OffPool.documents`. Answers 200 even for a draft with problems, so an editor can show them inline.
struct RundownPreviewController {
    /// What the preview answers.
    struct PreviewBody: ResponseEncodable {
        /// A warning of the timeline with the item it concerns.
        struct Warning: Encodable {
            var item: String?
            var message: String
        }

        /// The day's timeline with the draft's valid items in place of the day's rundown; absent when
        /// the draft is not JSON or its channel, date or time zone cannot be read.
        var timeline: TimelineDocument?
        /// What would keep the draft from being saved, by JSON path (`items[3].start`).
        var issues: [APIError.Body.Issue]
        /// The timeline's warnings (cuts, gaps, missing or non-airable media), by item.
        var warnings: [Warning]
    }

    let schedule: StoredSchedule

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self).post("preview", use: preview)
    }

    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> PreviewBody {
        _ = try context.require(.producer)
        let (channelID, date) = try RundownController.day(context)
        let channel = try schedule.database.existingChannel(channelID)
        let data = try await request.data(context: context)
        let (issues, timeline) = try await OffPool.documents.run { [schedule] in
            let draft = RundownDraft(parsing: try JSONBody.checked(data))
            guard var rundown = draft.rundown else { return (draft.issues, nil as Timeline?) }
            let mismatches = RundownController.mismatches(of: rundown, channel: channel.id, date: date)
            (rundown.channel, rundown.date) = (channel.id, date)
            return (draft.issues + mismatches, try schedule.preview(rundown))
        }
        return PreviewBody(
            timeline: timeline.map(TimelineDocument.init), issues: issues.map(APIError.Body.Issue.init),
            warnings: timeline?.warnings.map { .init(item: $0.itemID, message: $0.message) } ?? []
        )
    }
}
