import HospitalWarehouse
import Testing

/// Pure logic, no server needed.
@Suite struct RetryPolicyTests {
    @Test func delaysDoubleAndAreCapped() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .milliseconds(500))
        let delays = (1...5).map { policy.delay(afterAttempt: $0) }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(500), .milliseconds(500)])
    }
}

@Suite struct ConnectionSettingsTests {
    let settings = ConnectionSettings(host: "db", port: 5433, database: "hospital_db", user: "app", password: "s3cret-pw")

    @Test func descriptionsNeverShowThePassword() {
        var dumped = ""
        dump(settings, to: &dumped)
        for text in [settings.description, String(reflecting: settings), "\(settings)", dumped] {
            #expect(!text.contains("s3cret-pw"), "\(text)")
        }
        #expect(settings.description == "app@db:5433/hospital_db")
    }

    @Test func readsEnvironmentWrittenByPgScript() {
        let fromEnv = ConnectionSettings(environment: [
            "DB_HOST": "127.0.0.1", "DB_PORT": "40001", "DB_NAME": "n", "DB_USER": "u", "DB_PASSWORD": "p",
        ])
        #expect(fromEnv.port == 40001 && fromEnv.database == "n" && fromEnv.user == "u" && fromEnv.password == "p")
    }
}
