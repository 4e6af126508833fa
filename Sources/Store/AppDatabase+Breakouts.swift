import Foundation
import GRDB
import Scheduling

extension AppDatabase {
    /// Takes `channel` to a live feed from `at`, audited, and returns the open breakout. `source` is the feed
    /// as the operator named it (a live source's name or a URL), `url` what it stands for (the caller resolves
    /// names); `plannedEnd`, when given, is when the air goes back to the schedule by itself.
    /// `wrongState` (a conflict) while another breakout is on air on the channel; `notFound` for an unknown channel.
    public func startBreakout(
        channel: String, source: String, url: String, title: String? = nil, mode: ReturnMode,
        at start: Date, plannedEnd: Date? = nil, actor: String
    ) throws(StoreError) -> BreakoutRecord {
        let actor = try Self.validActor(actor)
        let source = source.trimmingCharacters(in: .whitespaces)
        guard !source.isEmpty else { throw .invalid(field: "breakout.source", reason: "is empty; expected a live source's name or a URL") }
        if let problem = RundownSource.liveURLProblem(url) { throw .invalid(field: "breakout.url", reason: problem) }
        if let plannedEnd, plannedEnd <= start {
            throw .invalid(field: "breakout.end", reason: "\(plannedEnd.ISO8601Format()) is not after the take at \(start.ISO8601Format()); expected a later end, or none")
        }
        let title = title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return try write { db in
            _ = try Self.existingChannel(channel, in: db)
            if let open = try Self.openBreakout(channel: channel, in: db) {
                throw StoreError.wrongState(
                    "breakout \(open.id) (\(open.source)) is on air on \(channel) since \(open.startedAt.ISO8601Format()), taken by \(open.createdBy); "
                        + "return it (DELETE /api/channels/\(channel)/breakout or `sretv live return \(channel)`) before taking another feed"
                )
            }
            let now = Self.now()
            try db.execute(literal: """
                INSERT INTO breakout (channelId, source, url, title, mode, startedAt, plannedEnd, createdBy, createdAt)
                VALUES (\(channel), \(source), \(url), \(title), \(mode.rawValue), \(start), \(plannedEnd), \(actor), \(now))
                """)
            let breakout = try BreakoutRecord.fetchOne(db, key: db.lastInsertedRowID)!
            let until = plannedEnd.map { " until \($0.ISO8601Format())" } ?? ""
            let named = title.isEmpty ? "" : " \(String(reflecting: title))"
            let detail = "breakout \(breakout.id)\(named) from \(source) (\(url)), return \(mode.rawValue)\(until)"
            try AuditEntry(at: now, actor: actor, action: .breakoutStart, channel: channel, detail: detail).insert(db)
            return breakout
        }
    }

    /// Gives `channel`'s air back to the schedule at `at` (never before the breakout's start), audited, and
    /// returns the ended breakout. `wrongState` when no breakout is on air; `notFound` for an unknown channel.
    @discardableResult
    public func endBreakout(channel: String, at end: Date, actor: String) throws(StoreError) -> BreakoutRecord {
        let actor = try Self.validActor(actor)
        return try write { db in
            _ = try Self.existingChannel(channel, in: db)
            guard var breakout = try Self.openBreakout(channel: channel, in: db) else {
                throw StoreError.wrongState("no breakout is on air on \(channel); there is nothing to return")
            }
            breakout.endedAt = max(end, breakout.startedAt)
            try breakout.update(db)
            let seconds = Int(breakout.endedAt!.timeIntervalSince(breakout.startedAt).rounded())
            let detail = "breakout \(breakout.id) from \(breakout.source) returned after \(seconds) s (\(breakout.mode.rawValue))"
            try AuditEntry(at: Self.now(), actor: actor, action: .breakoutEnd, channel: channel, detail: detail).insert(db)
            return breakout
        }
    }

    /// Records the instant breakout `id`'s feed actually went on air (playout switches at a segment boundary
    /// after the take), and returns it. Not audited: the take was; this is playout's record of it, like the
    /// as-run log. `notFound` for an unknown id; `invalid` for a start not before its planned end or after its end.
    @discardableResult
    public func setBreakoutStart(id: Int64, at start: Date) throws(StoreError) -> BreakoutRecord {
        try write { db in
            guard var breakout = try BreakoutRecord.fetchOne(db, key: id) else { throw StoreError.notFound(.breakout(id)) }
            if let planned = breakout.plannedEnd, start >= planned {
                throw StoreError.invalid(field: "breakout.start", reason: "\(start.ISO8601Format()) is not before breakout \(id)'s planned end at \(planned.ISO8601Format()); expected the instant its feed went on air")
            }
            if let ended = breakout.endedAt, start > ended {
                throw StoreError.invalid(field: "breakout.start", reason: "\(start.ISO8601Format()) is after breakout \(id) ended at \(ended.ISO8601Format()); expected the instant its feed went on air")
            }
            breakout.startedAt = start
            try breakout.update(db)
            return breakout
        }
    }

    /// Records the instant breakout `id`'s last live segment ended on air (after its return, the
    /// feed airs what it delivered until then), and returns it. Not audited, like its start.
    /// `notFound` for an unknown id; `wrongState` while it is still open.
    @discardableResult
    public func setBreakoutEnd(id: Int64, at end: Date) throws(StoreError) -> BreakoutRecord {
        try write { db in
            guard var breakout = try BreakoutRecord.fetchOne(db, key: id) else { throw StoreError.notFound(.breakout(id)) }
            guard breakout.endedAt != nil else { throw StoreError.wrongState("breakout \(id) is still on air; return it first") }
            breakout.endedAt = max(end, breakout.startedAt)
            try breakout.update(db)
            return breakout
        }
    }

    /// The breakout on air on `channel`, or nil.
    public func openBreakout(channel: String) throws(StoreError) -> BreakoutRecord? {
        try read { db in try Self.openBreakout(channel: channel, in: db) }
    }

    /// `channel`'s breakouts on air at some time in [`start`, `end`) (open ones included), in air order.
    public func breakouts(channel: String, from start: Date, to end: Date) throws(StoreError) -> [BreakoutRecord] {
        try read { db in
            try BreakoutRecord
                .filter(BreakoutRecord.Columns.channel == channel && BreakoutRecord.Columns.startedAt < end)
                .filter(BreakoutRecord.Columns.endedAt == nil || BreakoutRecord.Columns.endedAt > start)
                .order(BreakoutRecord.Columns.startedAt, Column("id"))
                .fetchAll(db)
        }
    }

    private static func openBreakout(channel: String, in db: Database) throws -> BreakoutRecord? {
        try BreakoutRecord.filter(BreakoutRecord.Columns.channel == channel && BreakoutRecord.Columns.endedAt == nil).fetchOne(db)
    }
}
