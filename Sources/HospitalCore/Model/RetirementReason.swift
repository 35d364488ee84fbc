public enum RetirementReason: String, Sendable {
    case age = "age"
    case longService = "long service"
}
