import Foundation

/// What /proc says of a running process: resident memory and CPU time used so far.
struct ProcessSample {
    var residentMegabytes: Double
    var cpuSeconds: Double

    /// Reads process `pid`; nil once it is gone.
    init?(pid: Int32) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let rss = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })?.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return nil }
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        residentMegabytes = rss / 1024
        cpuSeconds = ((Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)) / ticks
    }
}
