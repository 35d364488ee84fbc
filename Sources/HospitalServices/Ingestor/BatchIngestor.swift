import HospitalCore
import HospitalLake
import HospitalWarehouse
import Logging

/// The batch ingestor's pass loop: load every file it owns — `batch/` and the landed
/// `stream/` — dimensions first, each with its ledger row; move batch files to
/// `processed/` after commit. The work is done by peers that each return what became of a
/// file (`BatchFileLoad`, `StreamChunkLoad`, `SetAsideRetry`, `HeldFiles`, `MissingFiles`);
/// this loop books it. Nothing a file holds can stop it (docs/warehouse.md §Transactions).
public final class BatchIngestor {
    /// The admissions files this worker knows are loaded: a day each.
    public var admissionsLoaded: Set<String> { ledger.admissionsLoaded }
    public private(set) var total = Pass()

    private var context: IngestContext
    private var ledger = Ledger()
    /// The configs' departments and care units, seeded again into a new warehouse.
    private var seed: HospitalConfig?
    private var flags: FlagCover
    private var missing = MissingFiles()
    private var digests = DigestCache()
    private var firstPass = true
    private let unmoved = ProcessedMoves()
    private var stateReader = StateReader()

    public init(
        layout: LakeLayout, connection: PQConnection, schemas: WarehouseSchemas, topics: KafkaConfig.Topics, calendar: SimCalendar,
        logger: Logger
    ) {
        context = IngestContext(
            inbox: Inbox(layout: layout, topics: topics), connection: connection, schemas: schemas, stages: StageTables(),
            claims: FileClaims(), group: LoadGroup(), calendar: calendar, logger: logger)
        flags = FlagCover(layout: layout)
    }

    /// Applies the schema (idempotent), seeds departments and units from the configs, reads the ledger.
    public func prepare(schemaSQL: String?, config: HospitalConfig) throws {
        if let schemaSQL { try context.connection.executeScript(schemaSQL) }
        seed = config
        ledger = try Ledger.reconciled(context, seed: config)
    }

    /// Goes on over a new session after the old one was lost; the ledger is read again, as at start.
    public func reconnect(_ connection: PQConnection) throws {
        context = context.over(connection)
        unmoved.forget()
        ledger = try Ledger.reconciled(context, seed: seed, previous: ledger)
    }

    /// One look at the lake: loads what can be loaded now, in load order.
    @discardableResult
    public func drainOnce(shouldStop: () -> Bool = { false }) throws -> Pass {
        var pass = Pass()
        unmoved.forget()
        ledger = try ledger.current(context, seed: seed)
        let state = stateReader.read(context)
        for outcome in try Strangers(context: context).sweep() { try book(outcome, pass: &pass) }
        pass.failed += try missing.report(flags: &flags, ledger: ledger, context: context)
        let waiting = context.inbox.waiting()
        let pending = waiting.map(\.file)
        var unsettled = Unsettled()
        for entry in waiting {
            if shouldStop() { break }
            let outcome =
                try unsettled.holds(entry.file, ledger: &ledger, connection: context.connection)
                ? .waiting : try attempt(entry, state: state, pending: pending, pass: &pass)
            unsettled.add(entry.file, outcome)
            if outcome == .waiting { pass.firstWaiting = pass.firstWaiting ?? entry.file.name }
            if case .loaded = outcome, context.group.add(outcome, sharing: entry.file.kind.sharesRows) { try commitGroup(pass: &pass) }
            if case .loaded = outcome {} else { try book(outcome, pass: &pass) }
            try releaseUnlessHeld(entry.file.name)
        }
        try commitGroup(pass: &pass)
        try unmoved.move(context: context)
        if pass.loaded > 0 || firstPass {
            HeldFiles(context: context).retry(ledger: ledger)
            for outcome in try SetAsideRetry(context: context).run(isLoaded: { ledger.contains($0) }) { try book(outcome, pass: &pass) }
        }
        firstPass = false
        total.add(pass)
        return pass
    }

    /// A deadlock between two workers' groups is no verdict on the file: this worker commits
    /// what its group holds, so the other can go on, and the file waits for the next pass.
    private func attempt(_ entry: Inbox.Entry, state: SchedulerState?, pending: [IngestFile], pass: inout Pass) throws -> FileOutcome {
        do {
            return try handle(entry, state: state, pending: pending, pass: &pass)
        } catch let error as PostgresError where error.isConflictBetweenSessions && context.connection.isInTransaction {
            try commitGroup(pass: &pass)
            return .waiting
        }
    }

    /// A landed chunk the ledger has already is passed by (it is seen on every pass); any other
    /// file is claimed first and read once, under the claim.
    private func handle(_ entry: Inbox.Entry, state: SchedulerState?, pending: [IngestFile], pass: inout Pass) throws -> FileOutcome {
        let file = entry.file
        if file.kind.isStream, digests.isOne(of: ledger.digests(of: file.name), path: entry.path, inbox: context.inbox) {
            return .unchanged
        }
        // Any other file is read under its claim: a batch file moves after its load, and its move must be one worker's.
        guard try context.claim(file.name) else { return .inFlight }
        if file.kind.sharesRows { try commitGroup(pass: &pass) }
        try ledger.refresh(file.name, from: context.connection)
        let stamp = context.inbox.stamp(entry.path)
        guard let bytes = context.inbox.read(entry.path) else { return .unchanged }  // moved or replaced since it was listed
        let sha256 = digests.sha256(of: entry.path, bytes: bytes, stamp: stamp)
        let decision = IngestDecision.decide(file, sha256: sha256, loaded: ledger.digests(of: file.name), calendar: context.calendar)
        return try DecisionDispatch(context: context).carryOut(
            decision, entry: entry, bytes: bytes, sha256: sha256, state: state, pending: pending, flags: &flags)
    }

    /// Books what the group held, now that it is committed.
    private func commitGroup(pass: inout Pass) throws {
        for outcome in try context.group.commit(on: context.connection, stages: context.stages) {
            try book(outcome, pass: &pass)
            if case .loaded(let name, _, _, _, _) = outcome { try releaseUnlessHeld(name) }
        }
    }

    /// A claim is held until the file's load commits and, for a batch file, until it moves.
    private func releaseUnlessHeld(_ name: String) throws {
        if !unmoved.contains(name) && !context.group.holds(name) { try context.release(name) }
    }

    private func book(_ outcome: FileOutcome, pass: inout Pass) throws {
        switch outcome {
        case .loaded(let name, let sha256, let rows, let setAside, let batch):
            ledger.record(name, sha256: sha256)
            (pass.loaded, pass.rows, pass.setAside) = (pass.loaded + 1, pass.rows + rows, pass.setAside + setAside)
            context.logger.info("file loaded", metadata: [LogKey.file: "\(EscapedText.of(name, limit: 200))", LogKey.fileRows: "\(rows)"])
            if batch { try unmoved.add(name, context: context) }
        case .archive(let name, let report):
            if report { pass.archived += 1 }
            try unmoved.add(name, context: context)
        case .waiting, .inFlight: pass.waiting += 1
        case .quarantined: pass.failed += 1
        case .unchanged: break
        }
    }
}
