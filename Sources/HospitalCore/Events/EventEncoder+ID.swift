extension EventEncoder {
    /// The id of an event as the encoder wrote it: `event_id` is always its first member, so
    /// the id sits at a fixed place and a landed line is told by it without parsing JSON.
    /// Nil for bytes that do not start that way (they are validated and set aside later).
    public static func eventID(of event: UnsafeRawBufferPointer) -> DeterministicUUID? {
        let start = eventIDMember.count
        guard event.count > start + 36, event[start + 36] == UInt8(ascii: "\""),
            event.prefix(start).elementsEqual(eventIDMember)
        else { return nil }
        return DeterministicUUID(text: event[start..<start + 36])
    }
}
