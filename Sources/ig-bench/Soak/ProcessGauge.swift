import Foundation

/// The process's open file descriptors and resident memory, read from `/proc/self` (Linux).
struct ProcessGauge: Sendable, CustomStringConvertible {
    var fileDescriptors: Int
    var residentMegabytes: Double

    static func read() -> ProcessGauge {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
        var resident = -1.0
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
                resident = (line.split(separator: " ").compactMap { Double($0) }.first ?? -1024) / 1024
            }
        }
        return ProcessGauge(fileDescriptors: descriptors, residentMegabytes: resident)
    }

    var description: String { String(format: "%d fds, %.1f MB RSS", self.fileDescriptors, self.residentMegabytes) }
}
