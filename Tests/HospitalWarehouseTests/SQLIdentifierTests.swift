import HospitalWarehouse
import Testing

@Suite struct SQLIdentifierTests {
    @Test(arguments: ["bad-name", "\"x\"", "a;drop", "", "Upper", "1abc", "a b", "é", String(repeating: "a", count: 64)])
    func rejectsUnsafeNames(_ name: String) {
        #expect(throws: SQLIdentifier.InvalidName.self) { try SQLIdentifier(name) }
    }

    @Test(arguments: ["admissions", "_staging", "t1", "user", String(repeating: "a", count: 63)])
    func acceptsAndQuotesPlainNames(_ name: String) throws {
        #expect(try SQLIdentifier.quote(name) == "\"\(name)\"")
    }
}
