/// What the report says about where its rows came from, beyond the rows themselves: the
/// profile's name and the reduced-intake period (`configs/clinical_model.json` intake
/// `reduced_from` up to `reduced_until`), which the daily charts shade.
public struct ReportContext: Sendable {
    public let profile: String
    public let reducedIntake: Range<SimDate>?

    public init(profile: String, reducedIntake: Range<SimDate>?) {
        self.profile = profile
        self.reducedIntake = reducedIntake
    }

    /// The context of a run of `profile` with `config`.
    public init(profile: String, config: HospitalConfig) {
        let intake = config.clinical.intake
        let from = SimDate(iso: intake.reducedFrom)
        let until = SimDate(iso: intake.reducedUntil)
        self.init(profile: profile, reducedIntake: from.flatMap { from in until.map { from..<max(from, $0) } })
    }
}
