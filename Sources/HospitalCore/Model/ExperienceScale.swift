/// Experience levels from quarters of service (docs/domain-model.md §Workforce: < 5 years Junior, 5–15 Mid-Level, > 15 Senior).
public struct ExperienceScale: Sendable {
    let levels: [WorkforceModel.Level]

    public init(_ levels: [WorkforceModel.Level]) { self.levels = levels }

    public func level(quarters: Int) -> Int {
        levels.firstIndex { Double(quarters) < $0.belowYears * 4 } ?? levels.count - 1
    }

    public func name(quarters: Int) -> String { levels[level(quarters: quarters)].name }

    public var senior: Int { levels.count - 1 }
}
