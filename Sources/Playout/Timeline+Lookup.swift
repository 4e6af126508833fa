import Foundation
import Scheduling

extension Timeline {
    /// The index of the entry on air at `date`, or nil outside the timeline.
    func entryIndex(at date: Date) -> Int? {
        let offset = Ticks(seconds: date.timeIntervalSince(start))
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].offset <= offset ? low : nil
    }
}
