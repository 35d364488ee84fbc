/// Metadata keys for everything this module logs, kept in one place so dashboards and log
/// queries have a single list to rely on. Messages stay constant text; values go here.
public enum KafkaLogKey {
    /// librdkafka's name of the client handle (`rd_kafka_name`): the client id and a serial.
    public static let client = "kafka.client"
    /// librdkafka's log facility (`CONFWARN`, `FAIL`, ...), for lines bridged from its log.
    public static let facility = "kafka.facility"
    /// The text of a line bridged from librdkafka's log.
    public static let librdkafkaMessage = "kafka.librdkafka_message"
    /// An error, as `KafkaError` describes it.
    public static let error = "kafka.error"
    /// The partitions of a rebalance, `topic[partition]`, comma-separated.
    public static let partitions = "kafka.partitions"
    /// Messages still without a delivery report.
    public static let inFlight = "kafka.in_flight"
    /// The client's settings (`KafkaSettings`, which never prints a secret).
    public static let settings = "kafka.settings"
}
