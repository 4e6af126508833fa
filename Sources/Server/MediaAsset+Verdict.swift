import Foundation
import Playout
import Scheduling
import Store

extension MediaAsset {
    /// The stored verdict, decoded; nil before the asset was examined.
    public var mediaVerdict: MediaVerdict? {
        verdict.flatMap { try? JSONDecoder().decode(MediaVerdict.self, from: Data($0.utf8)) }
    }
}

extension Rundown {
    /// The verdicts of the library assets the rundown names, as warnings at the JSON path naming each
    /// (`items[2].source.uri: integrated loudness -10.0 LUFS is 13.0 LU above …`): problems (the file
    /// cannot air; its slot would show the slate) and warnings alike, so a draft can still be saved.
    /// Paths that name no library asset, or one not examined yet, add nothing.
    public func verdictWarnings(in database: AppDatabase) throws(StoreError) -> [ValidationIssue] {
        let references = mediaReferences
        let assets = Dictionary(uniqueKeysWithValues: try database.assets(at: Set(references.map(\.uri))).map { ($0.uri, $0) })
        return references.flatMap { path, uri -> [ValidationIssue] in
            guard let asset = assets[uri], let verdict = asset.mediaVerdict else { return [] }
            let problems = verdict.problems.map { "media asset \(asset.id) cannot air as it is (its slot airs the slate): \($0)" }
            return (problems + verdict.warnings).map { ValidationIssue(path: path, message: $0) }
        }
    }
}
