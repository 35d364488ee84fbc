/// A value axis from zero with a round step (1, 2 or 5 times a power of ten) and about
/// four gridlines, so tick labels read as round numbers; counts never step below 1.
struct ValueScale {
    let maximum: Double
    let step: Double

    init(maximum raw: Double, format: ValueFormat, ticks: Int = 4) {
        let minimumStep: Double
        if case .count = format { minimumStep = 1 } else { minimumStep = 0.01 }
        let top = max(raw, minimumStep)
        let rough = top / Double(ticks)
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        while magnitude > rough && magnitude / 10 >= minimumStep { magnitude /= 10 }
        let step = max(minimumStep, [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10)
        self.step = step
        maximum = max(step, (top / step - 1e-9).rounded(.up) * step)
    }

    var ticks: [Double] { stride(from: 0, through: maximum + step / 2, by: step).map { $0 } }
}
