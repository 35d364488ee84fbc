/// The configs ask for something the population cannot give (more posts than people of age).
public enum GenerationError: Error, CustomStringConvertible {
    case populationTooSmall(String)

    public var description: String {
        switch self {
        case .populationTooSmall(let what): return "the population has too few eligible people for \(what)"
        }
    }
}
