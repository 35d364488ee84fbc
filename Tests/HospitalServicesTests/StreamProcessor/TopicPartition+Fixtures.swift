import HospitalKafka

/// The partitions the lander's plain-state tests share.
extension TopicPartition {
    static let transport0 = TopicPartition(topic: "hospital.transport", partition: 0)
    static let transport1 = TopicPartition(topic: "hospital.transport", partition: 1)
    static let transfers2 = TopicPartition(topic: "hospital.transfers", partition: 2)
}
