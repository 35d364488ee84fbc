import Foundation
import HospitalCore

/// Patient flow per unit over the days a lake holds, from its daily summaries (batch/ or
/// processed/): beds or places, admitted, denied, and for inpatient units the mean share of
/// beds occupied at midnight and the share of nights between 75 % and 95 %.
public struct WardFigures: Sendable, Equatable {
    public struct Unit: Sendable, Equatable {
        public let name: String
        public let care: String
        public internal(set) var capacity = 0
        public internal(set) var admitted = 0
        public internal(set) var denied = 0
        /// Sum over nights of occupied / capacity, and nights counted.
        var occupancy = 0.0
        var nightsInBand = 0
        public internal(set) var nights = 0

        public var meanOccupancy: Double { nights == 0 ? 0 : occupancy / Double(nights) }
        public var shareOfNightsInBand: Double { nights == 0 ? 0 : Double(nightsInBand) / Double(nights) }
        public var deniedShare: Double { admitted + denied == 0 ? 0 : Double(denied) / Double(admitted + denied) }
    }

    public private(set) var units: [Unit] = []
    public private(set) var days = 0

    /// Reads every `daily_summary_<D>.json` of the lake, in date order; unreadable files are skipped.
    public static func read(_ layout: LakeLayout) -> WardFigures {
        var figures = WardFigures()
        for path in AuditFile.paths(in: layout)[.dailySummary] ?? [] {
            guard let data = FileManager.default.contents(atPath: path),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let units = object["units"] as? [[String: Any]]
            else { continue }
            figures.add(units)
        }
        return figures
    }

    mutating func add(_ day: [[String: Any]]) {
        days += 1
        for entry in day {
            guard let name = entry["unit"] as? String, let care = entry["care"] as? String else { continue }
            let index =
                units.firstIndex { $0.name == name }
                ?? {
                    units.append(Unit(name: name, care: care))
                    return units.count - 1
                }()
            let capacity = entry["capacity"] as? Int ?? 0
            units[index].capacity = capacity
            units[index].admitted += entry["admitted"] as? Int ?? 0
            units[index].denied += entry["denied"] as? Int ?? 0
            if care == "Inpatient", capacity > 0 {
                let share = Double(entry["occupied_at_midnight"] as? Int ?? 0) / Double(capacity)
                units[index].occupancy += share
                units[index].nights += 1
                if share >= 0.75 && share <= 0.95 { units[index].nightsInBand += 1 }
            }
        }
    }

    /// One line per unit, then the denial shares of inpatient and outpatient care.
    public var lines: [String] {
        func percent(_ value: Double) -> String {
            let tenths = Int((value * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        func left(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
        }
        var lines = [
            pad("unit", 24) + left("beds", 6) + left("admitted", 10) + left("denied", 9) + left("denied%", 9)
                + left("occupied", 10) + left("75-95%", 8)
        ]
        for unit in units {
            let inpatient = unit.care == "Inpatient"
            lines.append(
                pad(unit.name, 24) + left("\(unit.capacity)", 6) + left("\(unit.admitted)", 10) + left("\(unit.denied)", 9)
                    + left(percent(unit.deniedShare), 9) + left(inpatient ? percent(unit.meanOccupancy) : "-", 10)
                    + left(inpatient ? percent(unit.shareOfNightsInBand) : "-", 8))
        }
        for care in ["Inpatient", "Outpatient"] {
            let mine = units.filter { $0.care == care }
            let admitted = mine.reduce(0) { $0 + $1.admitted }, denied = mine.reduce(0) { $0 + $1.denied }
            let share = admitted + denied == 0 ? 0 : Double(denied) / Double(admitted + denied)
            lines.append("\(care.lowercased()) denied \(percent(share)) of \(admitted + denied) over \(days) days")
        }
        return lines
    }
}
