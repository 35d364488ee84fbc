import HospitalWarehouse
import Testing

/// Login settings: read from the environment `ci/pg.sh` writes, and never printed with the password.
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
