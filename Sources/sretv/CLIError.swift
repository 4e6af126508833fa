import ArgumentParser

/// A failure the CLI reports as one clear line on standard error, with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
