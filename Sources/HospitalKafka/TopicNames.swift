import CRdKafka
import Glibc

/// Topic names by librdkafka topic handle, so a message's topic becomes a Swift string once
/// per topic rather than once per message. Keyed by the handle's address and checked by
/// name, since a freed handle's address could come back for another topic.
struct TopicNames: Sendable {
    private var known: [(handle: UInt, name: String)] = []

    mutating func name(of handle: OpaquePointer?) -> String {
        guard let handle, let cName = rd_kafka_topic_name(handle) else { return "" }
        let address = UInt(bitPattern: handle)
        if let entry = known.first(where: { $0.handle == address && $0.name.withCString { strcmp($0, cName) == 0 } }) {
            return entry.name
        }
        let name = String(cString: cName)
        known.removeAll { $0.handle == address }
        known.append((address, name))
        return name
    }
}
