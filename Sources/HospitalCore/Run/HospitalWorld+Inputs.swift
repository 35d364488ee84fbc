import Crypto

extension HospitalWorld {
    /// What the lake's bytes depend on besides the profile's name, the seed and the calendar
    /// (which the state records as they are): the profile's sizes and the configs the
    /// generator reads. One digest, kept in the scheduler's state, so that a restart with an
    /// edited config is refused rather than continuing a lake no clean run would write.
    public var inputsDigest: String {
        var text = SchedulerState.generatorVersion + "\n"
        text += "population \(profile.population) staff \(profile.staffFactor) volume \(profile.volumeFactor)\n"
        for (file, digest) in zip(HospitalConfig.generatorFiles, config.generatorDigests) { text += "\(file) \(digest)\n" }
        return SHA256.hash(data: Array(text.utf8)).hexString
    }
}
