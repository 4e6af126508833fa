import Foundation

/// The built `sretv` executable, run the way a user runs it.
public enum SREtvBinary {
    /// The repository's root folder.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$SRETV_BINARY`, else `sretv` beside the test bundle (the same build folder).
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["SRETV_BINARY"] { return override }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sretv")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return repositoryRoot.appendingPathComponent(".build/debug/sretv").path
    }

    /// Runs `sretv` with `arguments` to completion.
    public static func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(path, arguments)
    }
}
