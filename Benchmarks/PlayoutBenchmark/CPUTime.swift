#if canImport(Glibc)
import Glibc

/// `RUSAGE_SELF` as `getrusage` takes it: Glibc imports the constant as an enum case.
private let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
import Darwin

private let rusageSelf = RUSAGE_SELF
#endif

/// CPU seconds (user + system) this process has used so far, over all its threads.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(rusageSelf, &usage)
    let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
