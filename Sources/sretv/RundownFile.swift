import Foundation
import Scheduling

/// Reads a rundown file for a command, turning every problem into lines that name the JSON path.
enum RundownFile {
    /// The parsed rundown; on failure prints `PATH: reason` lines and exits with status 1.
    static func load(_ path: String) throws -> Rundown {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot read rundown \(path): \(error.localizedDescription)")
        }
        do {
            return try Rundown.parse(data)
        } catch {
            throw ValidationFailure(file: path, issues: error.issues)
        }
    }
}
