import Foundation

extension Process {
    /// Starts the program as a shell would: with no signal blocked, and with every standard stream
    /// not set here going to /dev/null.
    ///
    /// A child inherits the signal mask of the thread that spawns it, and tests run on Dispatch's
    /// threads, which block SIGTERM and SIGINT: an `ffmpeg` or `python3` started from one ignores
    /// `terminate()` and outlives its test. A child left with the test runner's standard output
    /// would also hold `swift test` open until it ends.
    public func start() throws {
        if standardInput == nil { standardInput = FileHandle.nullDevice }
        if standardOutput == nil { standardOutput = FileHandle.nullDevice }
        if standardError == nil { standardError = FileHandle.nullDevice }
        var everything = sigset_t()
        var previous = sigset_t()
        sigfillset(&everything)
        pthread_sigmask(SIG_UNBLOCK, &everything, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try run()
    }

    /// Waits at most `timeout` seconds for the process to end. One still running then is killed
    /// (SIGKILL) and reaped, so a test that hangs on a program fails instead of stalling the run.
    /// - Returns: whether the process ended by itself within `timeout`.
    @discardableResult
    public func waitUntilExit(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning && Date() < deadline { usleep(20_000) }
        guard isRunning else {
            waitUntilExit()
            return true
        }
        kill(processIdentifier, SIGKILL)
        waitUntilExit()
        return false
    }
}
