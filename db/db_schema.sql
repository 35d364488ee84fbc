-- db/db_schema.sql: the warehouse of the hospital data platform (PostgreSQL 15).
--
-- Idempotent: every statement is CREATE ... IF NOT EXISTS, a DO block that checks the
-- catalog first, a GRANT or REVOKE (repeating one is a no-op), an ALTER ROLE to the same
-- attributes, a COMMENT (replaced in place) or the INSERT of the warehouse's identity row
-- (which does nothing once the row exists). It never drops, truncates, updates or
-- deletes data, so applying it again (the postgres container's /docker-entrypoint-initdb.d
-- run, ci/pg.sh, a schema change on an existing warehouse) is harmless.
-- Apply it as the role that owns the database, and only as that role; it needs
-- CREATEROLE, for the two login roles below. No password appears here.
--
-- Types follow the lake exactly (README "The lake", LakeColumns.swift):
--   ids (deterministic UUID v8)         -> uuid
--   YYYY-MM-DD                          -> date
--   YYYY-MM-DD HH:MM:SS (local, no zone)-> timestamp without time zone
--   HH:MM (schedules.shift_start)       -> time without time zone
--   whole numbers                       -> integer
--   years with hundredths (11.00)       -> numeric(6,2)
--   true/false                          -> boolean
--   words                               -> text
-- An empty CSV field is NULL (PostgreSQL's CSV COPY reads an unquoted empty field as NULL).
-- Lake column names are lower-cased (First_Name -> first_name, Surname -> surname, ...).
--
-- Load order (dimensions first, so no foreign key can fail):
--   departments, care_units (configs) -> staff (staff_data, then hires from staff_active_<D>)
--   -> reserve_pool -> staff_snapshots -> schedules
--   -> medical_conditions, patients, visits (daily_visitors_<D>) -> admissions (admissions_<D>)
--   -> transports (stream hospital.transport; needs the visitors of its sim_date)
--   -> transfers (stream hospital.transfers; needs admissions_<sim_date>)
--   -> daily_summaries (stream hospital.daily_summary) ; ingest.files in each file's transaction.

SET client_min_messages = warning;

-- ---------------------------------------------------------------------------------------
-- Schemas (the five of configs/database_config.json, plus the ingest ledger)
-- ---------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS hospital_operations;
CREATE SCHEMA IF NOT EXISTS hospital_admissions;
CREATE SCHEMA IF NOT EXISTS emergency_transport;
CREATE SCHEMA IF NOT EXISTS patient_transfers;
CREATE SCHEMA IF NOT EXISTS daily_summary;
CREATE SCHEMA IF NOT EXISTS ingest;

-- ---------------------------------------------------------------------------------------
-- hospital_operations
-- ---------------------------------------------------------------------------------------

-- The 12 staff departments: configs/hospital_shift_config.json "departments".
-- (Also every value of staff.department, schedules.department/home_department,
-- admissions.staff_department.)
CREATE TABLE IF NOT EXISTS hospital_operations.departments (
    department text PRIMARY KEY
);

-- The 14 care units a visit is routed to: configs/clinical_model.json "units"
-- (name, care, capacity, staff_department). capacity is the configured (full-profile)
-- figure; the capacity a run actually used (scaled by profile) is in
-- daily_summary.daily_summaries.units[].capacity.
-- Lake values: daily_visitors.department, admissions.department, transports.department,
-- transfers.from_department, daily_summary units[].unit.
CREATE TABLE IF NOT EXISTS hospital_operations.care_units (
    unit             text PRIMARY KEY,
    care             text NOT NULL CHECK (care IN ('Inpatient', 'Outpatient')),
    capacity         integer CHECK (capacity >= 0),
    staff_department text NOT NULL REFERENCES hospital_operations.departments (department)
);

-- Everyone ever on the roster.
-- from batch/staff_data.csv (the initial roster: status is always 'active' there):
--   staff_id, person_id, First_Name, Surname, Gender, Birthdate, role, staff_group,
--   department, hire_date, status
-- and, for staff hired from the reserve at a workforce step, the first
-- batch/staff_active_<D>.csv that lists them (status 'active').
-- The time-varying columns of those files (Age, years_of_service, experience_level)
-- go to staff_snapshots. Retirement is derived (view staff_status): a member missing
-- from a later snapshot retired on that snapshot's date.
CREATE TABLE IF NOT EXISTS hospital_operations.staff (
    staff_id    uuid PRIMARY KEY,
    person_id   uuid NOT NULL,
    first_name  text NOT NULL,
    surname     text NOT NULL,
    gender      text NOT NULL,
    birthdate   date NOT NULL,
    role        text NOT NULL,
    staff_group text NOT NULL,
    department  text NOT NULL REFERENCES hospital_operations.departments (department),
    hire_date   date NOT NULL,
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired'))
);
CREATE INDEX IF NOT EXISTS staff_person_id_idx ON hospital_operations.staff (person_id);
CREATE INDEX IF NOT EXISTS staff_department_idx ON hospital_operations.staff (department);

-- The reserve pool as drawn at setup (people who may be hired later; they have no staff_id).
-- from batch/reserve_pool.csv: person_id, First_Name, Surname, Gender, Birthdate,
--   Age (as of the simulation start), years_of_experience, experience_level
-- A member hired at a workforce step appears in staff with the same person_id.
CREATE TABLE IF NOT EXISTS hospital_operations.reserve_pool (
    person_id           uuid PRIMARY KEY,
    first_name          text NOT NULL,
    surname             text NOT NULL,
    gender              text NOT NULL,
    birthdate           date NOT NULL,
    age                 integer NOT NULL CHECK (age >= 0),
    years_of_experience numeric(6,2) NOT NULL CHECK (years_of_experience >= 0),
    experience_level    text NOT NULL
);

-- One row per active member per workforce step (every 90 days from the start).
-- from batch/staff_active_<D>.csv: snapshot_date, staff_id, Age, years_of_service,
--   experience_level, department (the other columns are the staff row's, in staff)
CREATE TABLE IF NOT EXISTS hospital_operations.staff_snapshots (
    snapshot_date    date NOT NULL,
    staff_id         uuid NOT NULL REFERENCES hospital_operations.staff (staff_id),
    age              integer NOT NULL CHECK (age >= 0),
    years_of_service numeric(6,2) NOT NULL CHECK (years_of_service >= 0),
    experience_level text NOT NULL,
    department       text NOT NULL REFERENCES hospital_operations.departments (department),
    PRIMARY KEY (snapshot_date, staff_id)
);
CREATE INDEX IF NOT EXISTS staff_snapshots_staff_id_idx ON hospital_operations.staff_snapshots (staff_id);

-- One row per active member per day.
-- from batch/schedules_<YYYY-MM>.csv: schedule_date, staff_id, role, experience_level,
--   home_department, department, shift_type, shift_start (HH:MM, empty on rest days),
--   shift_hours, reserve_hours, on_duty, assignment
CREATE TABLE IF NOT EXISTS hospital_operations.schedules (
    staff_id         uuid NOT NULL REFERENCES hospital_operations.staff (staff_id),
    schedule_date    date NOT NULL,
    role             text NOT NULL,
    experience_level text NOT NULL,
    home_department  text NOT NULL REFERENCES hospital_operations.departments (department),
    department       text NOT NULL REFERENCES hospital_operations.departments (department),
    shift_type       text NOT NULL,
    shift_start      time without time zone,
    shift_hours      integer NOT NULL CHECK (shift_hours BETWEEN 0 AND 24),
    reserve_hours    integer NOT NULL CHECK (reserve_hours BETWEEN 0 AND 24),
    on_duty          boolean NOT NULL,
    assignment       text NOT NULL,
    PRIMARY KEY (staff_id, schedule_date)
);
CREATE INDEX IF NOT EXISTS schedules_schedule_date_idx ON hospital_operations.schedules (schedule_date);
CREATE INDEX IF NOT EXISTS schedules_department_date_idx ON hospital_operations.schedules (department, schedule_date);

-- Status and dates of every member, derived from the snapshots (insert-only tables, so no
-- UPDATE is ever needed): retired_on is the first snapshot date after the member's last one.
CREATE OR REPLACE VIEW hospital_operations.staff_status AS
SELECT s.staff_id,
       s.hire_date,
       r.retired_on,
       CASE WHEN r.retired_on IS NULL THEN 'active' ELSE 'retired' END AS status
FROM hospital_operations.staff AS s
LEFT JOIN LATERAL (
    SELECT min(n.snapshot_date) AS retired_on
    FROM (SELECT DISTINCT snapshot_date FROM hospital_operations.staff_snapshots) AS n
    WHERE n.snapshot_date > (SELECT max(m.snapshot_date)
                             FROM hospital_operations.staff_snapshots AS m
                             WHERE m.staff_id = s.staff_id)
) AS r ON true;

-- ---------------------------------------------------------------------------------------
-- hospital_admissions
-- ---------------------------------------------------------------------------------------

-- Everyone who ever visited.
-- from batch/daily_visitors_<D>.csv: person_id, First_Name, Surname, Gender
-- (patient_id = person_id of processed/people_data.csv, which is never ingested)
CREATE TABLE IF NOT EXISTS hospital_admissions.patients (
    patient_id uuid PRIMARY KEY,
    first_name text NOT NULL,
    surname    text NOT NULL,
    gender     text NOT NULL
);

-- The conditions seen, keyed by the full text as the lake writes it
-- ("Chronic Condition: Diabetes", detail included). Severity and label are per condition
-- in configs/clinical_model.json (a label is the course's when it has one, so it is not a
-- function of severity: severity 3 may be 'Severe').
-- from batch/daily_visitors_<D>.csv: condition, severity, severity_label
CREATE TABLE IF NOT EXISTS hospital_admissions.medical_conditions (
    condition      text PRIMARY KEY,
    severity       integer NOT NULL CHECK (severity BETWEEN 1 AND 5),
    severity_label text NOT NULL
);

-- One row per visitor per day.
-- from batch/daily_visitors_<D>.csv: visit_id, person_id -> patient_id, Age, condition,
--   care_type, department (the care unit), arrival_time, session, visit_reason
CREATE TABLE IF NOT EXISTS hospital_admissions.visits (
    visit_id     uuid PRIMARY KEY,
    patient_id   uuid NOT NULL REFERENCES hospital_admissions.patients (patient_id),
    age          integer NOT NULL CHECK (age >= 0),
    condition    text NOT NULL REFERENCES hospital_admissions.medical_conditions (condition),
    care_type    text NOT NULL CHECK (care_type IN ('Inpatient', 'Outpatient')),
    department   text NOT NULL REFERENCES hospital_operations.care_units (unit),
    arrival_time timestamp without time zone NOT NULL,
    session      integer NOT NULL CHECK (session BETWEEN 1 AND 5),
    visit_reason text NOT NULL
);
CREATE INDEX IF NOT EXISTS visits_arrival_time_idx ON hospital_admissions.visits (arrival_time);
CREATE INDEX IF NOT EXISTS visits_patient_id_idx ON hospital_admissions.visits (patient_id);

-- One row per visit: admitted or denied.
-- from batch/admissions_<D>.csv: admission_id, visit_id, patient_id, department,
--   staff_department, triage_minutes, admission_time, status, length_of_stay_days,
--   discharge_time, discharge_reason, admitting_doctor_id, admitting_nurse_id,
--   hospital_remedy.
-- Its First_Name, Surname, Gender, Age, condition, severity, severity_label, care_type and
-- arrival_time repeat the visit's (patients, visits, medical_conditions).
-- Denied rows: length_of_stay_days, discharge_*, admitting_* are empty (NULL).
CREATE TABLE IF NOT EXISTS hospital_admissions.admissions (
    admission_id        uuid PRIMARY KEY,
    visit_id            uuid NOT NULL UNIQUE REFERENCES hospital_admissions.visits (visit_id),
    patient_id          uuid NOT NULL REFERENCES hospital_admissions.patients (patient_id),
    department          text NOT NULL REFERENCES hospital_operations.care_units (unit),
    staff_department    text NOT NULL REFERENCES hospital_operations.departments (department),
    triage_minutes      integer NOT NULL CHECK (triage_minutes >= 0),
    admission_time      timestamp without time zone,  -- empty for denied rows: nobody was admitted
    status              text NOT NULL CHECK (status IN ('Admitted', 'Denied - Capacity Full')),
    length_of_stay_days integer CHECK (length_of_stay_days >= 0),
    discharge_time      timestamp without time zone
                        CONSTRAINT admissions_discharge_after_admission_check CHECK (discharge_time >= admission_time),
    discharge_date      date GENERATED ALWAYS AS (discharge_time::date) STORED,
    discharge_reason    text CHECK (discharge_reason IN ('Discharged', 'Transferred')),
    admitting_doctor_id uuid REFERENCES hospital_operations.staff (staff_id),
    admitting_nurse_id  uuid REFERENCES hospital_operations.staff (staff_id),
    hospital_remedy     text NOT NULL
);
CREATE INDEX IF NOT EXISTS admissions_admission_time_idx ON hospital_admissions.admissions (admission_time);
CREATE INDEX IF NOT EXISTS admissions_department_idx ON hospital_admissions.admissions (department);
CREATE INDEX IF NOT EXISTS admissions_patient_id_idx ON hospital_admissions.admissions (patient_id);
CREATE INDEX IF NOT EXISTS admissions_discharge_date_idx ON hospital_admissions.admissions (discharge_date);

-- ---------------------------------------------------------------------------------------
-- emergency_transport
-- ---------------------------------------------------------------------------------------

-- One row per hospital.transport event (one per visitor).
-- from stream/hospital.transport/*.json (events of
--   batch/hospital_emergency_transport_<D>_session_<n>.csv): envelope event_id, sim_date,
--   session; fields transport_id, visit_id, patient_id, Age, condition, transport_time,
--   transport_type, department, attending_paramedic_id, attending_physician_id,
--   attending_nurse_id, emt_remedy, notes.
-- (First_Name, Surname, Gender, severity, severity_label repeat patients/medical_conditions.)
-- attending_paramedic_id is empty for private arrivals and when no EMT was on duty;
-- attending_physician_id is empty for ambulances without a senior doctor.
CREATE TABLE IF NOT EXISTS emergency_transport.transports (
    event_id               uuid PRIMARY KEY,
    transport_id           uuid NOT NULL UNIQUE,
    visit_id               uuid NOT NULL REFERENCES hospital_admissions.visits (visit_id),
    patient_id             uuid NOT NULL REFERENCES hospital_admissions.patients (patient_id),
    age                    integer NOT NULL CHECK (age >= 0),
    condition              text NOT NULL REFERENCES hospital_admissions.medical_conditions (condition),
    transport_time         timestamp without time zone NOT NULL,
    transport_type         text NOT NULL,
    department             text NOT NULL REFERENCES hospital_operations.care_units (unit),
    attending_paramedic_id uuid REFERENCES hospital_operations.staff (staff_id),
    attending_physician_id uuid REFERENCES hospital_operations.staff (staff_id),
    attending_nurse_id     uuid REFERENCES hospital_operations.staff (staff_id),
    emt_remedy             text NOT NULL,
    notes                  text NOT NULL,
    sim_date               date NOT NULL,
    session                integer NOT NULL CHECK (session BETWEEN 1 AND 5)
);
CREATE INDEX IF NOT EXISTS transports_sim_date_idx ON emergency_transport.transports (sim_date);
CREATE INDEX IF NOT EXISTS transports_visit_id_idx ON emergency_transport.transports (visit_id);

-- ---------------------------------------------------------------------------------------
-- patient_transfers
-- ---------------------------------------------------------------------------------------

-- One row per hospital.transfers event (inpatients admitted on sim_date who leave 4-20 h later).
-- from stream/hospital.transfers/*.json (events of
--   batch/hospital_transfers_<D>_session_<n>.csv, D = the admission date): envelope
--   event_id, sim_date, session; fields transfer_id, admission_id, patient_id, Age,
--   condition, from_department, admission_time, transfer_time, reason, destination,
--   destination_area, transport_mode.
-- (First_Name, Surname, Gender, severity repeat patients/medical_conditions.)
CREATE TABLE IF NOT EXISTS patient_transfers.transfers (
    event_id         uuid PRIMARY KEY,
    transfer_id      uuid NOT NULL UNIQUE,
    admission_id     uuid NOT NULL REFERENCES hospital_admissions.admissions (admission_id),
    patient_id       uuid NOT NULL REFERENCES hospital_admissions.patients (patient_id),
    age              integer NOT NULL CHECK (age >= 0),
    condition        text NOT NULL REFERENCES hospital_admissions.medical_conditions (condition),
    from_department  text NOT NULL REFERENCES hospital_operations.care_units (unit),
    admission_time   timestamp without time zone NOT NULL,
    transfer_time    timestamp without time zone NOT NULL
                     CONSTRAINT transfers_transfer_after_admission_check CHECK (transfer_time >= admission_time),
    reason           text NOT NULL,
    destination      text NOT NULL,
    destination_area text NOT NULL,
    transport_mode   text NOT NULL,
    sim_date         date NOT NULL,
    session          integer NOT NULL CHECK (session BETWEEN 1 AND 5)
);
CREATE INDEX IF NOT EXISTS transfers_destination_idx ON patient_transfers.transfers (destination);
CREATE INDEX IF NOT EXISTS transfers_admission_id_idx ON patient_transfers.transfers (admission_id);

-- ---------------------------------------------------------------------------------------
-- daily_summary
-- ---------------------------------------------------------------------------------------

-- One row per sim date.
-- from stream/hospital.daily_summary/*.json (events of batch/daily_summary_<D>.json):
--   summary_date, visitors, admitted, denied, ambulance_arrivals, transfers_planned,
--   units[] {unit, care, capacity, admitted, denied, occupied_at_midnight} kept as jsonb.
CREATE TABLE IF NOT EXISTS daily_summary.daily_summaries (
    summary_date       date PRIMARY KEY,
    visitors           integer NOT NULL CHECK (visitors >= 0),
    admitted           integer NOT NULL CHECK (admitted >= 0),
    denied             integer NOT NULL CHECK (denied >= 0),
    ambulance_arrivals integer NOT NULL CHECK (ambulance_arrivals >= 0),
    transfers_planned  integer NOT NULL CHECK (transfers_planned >= 0),
    units              jsonb NOT NULL CHECK (jsonb_typeof(units) = 'array')
);

-- ---------------------------------------------------------------------------------------
-- ingest: the ledger (one row per loaded file, written in the file's own transaction)
-- ---------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS ingest.files (
    file_name text NOT NULL,
    sha256    character(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    rows      integer NOT NULL CHECK (rows >= 0),
    target    text NOT NULL,
    loaded_at timestamp with time zone NOT NULL DEFAULT now(),
    PRIMARY KEY (file_name, sha256)
);

-- The warehouse's identity: one row, written when this script first runs on a database and
-- never again. A database dropped and created anew, or an ingest schema dropped and applied
-- again, gets another id, so an ingestor that read its ledger from the old one sees it was
-- replaced and reconciles the lake with the new ledger (docs/warehouse.md §Transactions).
-- gen_random_uuid() names the warehouse, not anything of the lake, which stays deterministic.
CREATE TABLE IF NOT EXISTS ingest.warehouse (
    one        boolean PRIMARY KEY DEFAULT true CHECK (one),
    id         uuid NOT NULL DEFAULT gen_random_uuid(),
    created_at timestamp with time zone NOT NULL DEFAULT now()
);
INSERT INTO ingest.warehouse DEFAULT VALUES ON CONFLICT DO NOTHING;

-- ---------------------------------------------------------------------------------------
-- Table comments (shown by pgAdmin; COMMENT replaces, so this is idempotent)
-- ---------------------------------------------------------------------------------------
COMMENT ON TABLE hospital_operations.departments IS 'The 12 staff departments (configs/hospital_shift_config.json)';
COMMENT ON TABLE hospital_operations.care_units IS 'The care units visits are routed to (configs/clinical_model.json units)';
COMMENT ON TABLE hospital_operations.staff IS 'Every member ever on the roster (batch/staff_data.csv + hires in batch/staff_active_<D>.csv)';
COMMENT ON TABLE hospital_operations.reserve_pool IS 'The reserve pool drawn at setup (batch/reserve_pool.csv)';
COMMENT ON TABLE hospital_operations.staff_snapshots IS 'Active staff at each workforce step (batch/staff_active_<D>.csv)';
COMMENT ON TABLE hospital_operations.schedules IS 'Daily roster (batch/schedules_<YYYY-MM>.csv)';
COMMENT ON VIEW hospital_operations.staff_status IS 'Active or retired, derived from the snapshots';
COMMENT ON TABLE hospital_admissions.patients IS 'Everyone who visited (batch/daily_visitors_<D>.csv)';
COMMENT ON TABLE hospital_admissions.medical_conditions IS 'Conditions by full text (batch/daily_visitors_<D>.csv)';
COMMENT ON TABLE hospital_admissions.visits IS 'One row per visit (batch/daily_visitors_<D>.csv)';
COMMENT ON TABLE hospital_admissions.admissions IS 'Triage outcome of every visit (batch/admissions_<D>.csv)';
COMMENT ON TABLE emergency_transport.transports IS 'hospital.transport events (stream/hospital.transport)';
COMMENT ON TABLE patient_transfers.transfers IS 'hospital.transfers events (stream/hospital.transfers)';
COMMENT ON TABLE daily_summary.daily_summaries IS 'hospital.daily_summary events (stream/hospital.daily_summary)';
COMMENT ON TABLE ingest.files IS 'Ledger: one row per loaded lake file';
COMMENT ON TABLE ingest.warehouse IS 'This warehouse''s identity, written once by the schema script';

-- ---------------------------------------------------------------------------------------
-- Roles (docs/warehouse.md §Roles). Least privilege: the role applying this script owns the
-- schema and is used for nothing else; the services log in as hospital_loader, pgAdmin and
-- analysts as hospital_reader. Both are LOGIN roles without a password here: the deployment
-- sets one (Compose: docker/postgres/20_role_passwords.sh from its secrets; ci/pg.sh).
-- Neither can create, alter, drop, truncate, update or delete anything, nor run a server
-- program (COPY ... PROGRAM needs superuser or pg_execute_server_program).
-- ---------------------------------------------------------------------------------------
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'hospital_loader') THEN
        CREATE ROLE hospital_loader LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'hospital_reader') THEN
        CREATE ROLE hospital_reader LOGIN;
    END IF;
    -- Altered only when they differ: roles are shared by every database of the cluster, and
    -- two databases applying this file at once would otherwise update the same role row
    -- together ("tuple concurrently updated").
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'hospital_loader'
               AND (NOT rolcanlogin OR rolcreatedb OR rolcreaterole)) THEN
        ALTER ROLE hospital_loader LOGIN NOCREATEDB NOCREATEROLE;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'hospital_reader'
               AND (NOT rolcanlogin OR rolcreatedb OR rolcreaterole)) THEN
        ALTER ROLE hospital_reader LOGIN NOCREATEDB NOCREATEROLE;
    END IF;
END
$roles$;

-- What PostgreSQL grants PUBLIC, and so every login, that neither login needs (SECURITY.md
-- §What PUBLIC may do). TEMP on the database: temporary tables, and the temporary functions
-- and types of pg_temp; only the loader stages rows in temporary tables, so it alone gets
-- TEMP back. CREATE on schema public (PostgreSQL 15 no longer grants it on a new
-- database; a cluster upgraded from 14 still does).
DO $public$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO hospital_loader', current_database());
END
$public$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- EXECUTE on the server-side large-object functions (lo_from_bytea, lo_create, lo_open,
-- lowrite, lo_put, ...): any role could otherwise store objects of any size that outlive its
-- session, and nothing here uses them. They belong to the bootstrap superuser, so only a
-- superuser can revoke them: the Compose init runs this file as one; ci/pg.sh revokes them
-- in template1 as the cluster's superuser before it creates the database. Anyone else
-- applying this file is told when they are still granted.
DO $large_objects$
DECLARE
    fn regprocedure;
    granted boolean := false;
BEGIN
    FOR fn IN
        SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'pg_catalog'::regnamespace AND (p.proname LIKE 'lo\_%' OR p.proname IN ('loread', 'lowrite'))
        ORDER BY p.oid::regprocedure::text
    LOOP
        IF pg_catalog.has_function_privilege('public', fn, 'EXECUTE') THEN
            IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
                EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', fn);
            ELSE
                granted := true;
            END IF;
        END IF;
    END LOOP;
    IF granted THEN
        RAISE WARNING 'every role may still create large objects: revoke EXECUTE on the lo_* functions from PUBLIC as a superuser (SECURITY.md)';
    END IF;
END
$large_objects$;

-- Loader: reads (references, the ledger) and inserts; its staging tables are temporary
-- (TEMP, above). Earlier versions granted CREATE on the schemas: taken back.
REVOKE CREATE ON SCHEMA hospital_operations, hospital_admissions, emergency_transport,
    patient_transfers, daily_summary, ingest FROM hospital_loader;
GRANT USAGE ON SCHEMA hospital_operations, hospital_admissions, emergency_transport,
    patient_transfers, daily_summary, ingest TO hospital_loader;
GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA hospital_operations, hospital_admissions,
    emergency_transport, patient_transfers, daily_summary, ingest TO hospital_loader;

-- The identity is the schema script's to write, never the loader's.
REVOKE INSERT ON ingest.warehouse FROM hospital_loader;

-- Reader: read-only (pgAdmin, analysts).
GRANT USAGE ON SCHEMA hospital_operations, hospital_admissions, emergency_transport,
    patient_transfers, daily_summary, ingest TO hospital_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA hospital_operations, hospital_admissions,
    emergency_transport, patient_transfers, daily_summary, ingest TO hospital_reader;

-- Tables created later by the role applying this file get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA hospital_operations, hospital_admissions, emergency_transport,
    patient_transfers, daily_summary, ingest GRANT SELECT, INSERT ON TABLES TO hospital_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA hospital_operations, hospital_admissions, emergency_transport,
    patient_transfers, daily_summary, ingest GRANT SELECT ON TABLES TO hospital_reader;

-- ---------------------------------------------------------------------------------------
-- analytics: one view per question the hospital asks of its warehouse
-- (docs/warehouse.md §Analytics views). Plain views, computed when read, so they are never
-- stale and need no refresh; each reads its tables once (no correlated subqueries), which
-- keeps them to seconds at full scale. CREATE OR REPLACE cannot rename or retype a column
-- of a view that exists: a change of that kind needs its DROP VIEW, by the owner, first.
-- hospital_reader may read them; hospital_loader gets nothing here (no USAGE, no SELECT).
-- A view runs with its owner's rights on the tables beneath it.
-- ---------------------------------------------------------------------------------------
CREATE SCHEMA IF NOT EXISTS analytics;

-- Beds in use at the end of each day (midnight) per inpatient ward, against the beds the
-- run gave it (daily_summaries.units[].capacity: the profile's scaled figure).
-- A stay is counted on day D when it began at or before midnight ending D and ends after
-- it: the beds held at midnight, the daily summary's occupied_at_midnight (docs/lake.md
-- §Daily summary). Each admission and discharge is bucketed to the day whose closing midnight it
-- precedes (the time less a microsecond, as a date), so the census is a running sum
-- of arrivals less departures. Days not summarised yet have no capacity.
CREATE OR REPLACE VIEW analytics.ward_census_daily AS
WITH calendar AS (
    SELECT min(summary_date) AS first_day, max(summary_date) AS last_day
    FROM daily_summary.daily_summaries
),
wards AS (
    SELECT d::date AS census_date, u.unit
    FROM calendar AS c
    CROSS JOIN generate_series(c.first_day, c.last_day, interval '1 day') AS d
    CROSS JOIN hospital_operations.care_units AS u
    WHERE u.care = 'Inpatient'
),
capacities AS (
    SELECT s.summary_date AS census_date, u.unit, u.capacity
    FROM daily_summary.daily_summaries AS s
    CROSS JOIN LATERAL jsonb_to_recordset(s.units) AS u (unit text, capacity integer)
),
moves AS (
    SELECT a.department AS unit, (a.admission_time - interval '1 microsecond')::date AS day, 1 AS change
    FROM hospital_admissions.admissions AS a
    JOIN hospital_operations.care_units AS u ON u.unit = a.department AND u.care = 'Inpatient'
    WHERE a.status = 'Admitted'
    UNION ALL
    SELECT a.department, (a.discharge_time - interval '1 microsecond')::date, -1
    FROM hospital_admissions.admissions AS a
    JOIN hospital_operations.care_units AS u ON u.unit = a.department AND u.care = 'Inpatient'
    WHERE a.status = 'Admitted' AND a.discharge_time IS NOT NULL
),
daily AS (
    SELECT m.unit, greatest(m.day, c.first_day) AS day, sum(m.change) AS net
    FROM moves AS m CROSS JOIN calendar AS c
    GROUP BY m.unit, greatest(m.day, c.first_day)
),
census AS (
    SELECT w.census_date, w.unit,
           sum(coalesce(d.net, 0)) OVER (PARTITION BY w.unit ORDER BY w.census_date)::integer AS occupied
    FROM wards AS w
    LEFT JOIN daily AS d ON d.unit = w.unit AND d.day = w.census_date
)
SELECT c.census_date, c.unit, k.capacity, c.occupied,
       round(c.occupied::numeric / nullif(k.capacity, 0), 4) AS occupancy
FROM census AS c
LEFT JOIN capacities AS k ON k.census_date = c.census_date AND k.unit = c.unit;

-- Arrivals and triage outcomes per arrival day and care unit: every visit, those admitted
-- and those turned away because the unit was full. Days without a visit have no row.
CREATE OR REPLACE VIEW analytics.admissions_daily AS
SELECT v.arrival_time::date AS arrival_date,
       v.department AS unit,
       v.care_type AS care,
       count(*)::integer AS visits,
       (count(*) FILTER (WHERE a.status = 'Admitted'))::integer AS admitted,
       (count(*) FILTER (WHERE a.status = 'Denied - Capacity Full'))::integer AS denied
FROM hospital_admissions.visits AS v
LEFT JOIN hospital_admissions.admissions AS a ON a.visit_id = v.visit_id
GROUP BY v.arrival_time::date, v.department, v.care_type;

-- Length of stay in days (discharge or transfer less admission, to the minute) of every
-- admitted visit, per care unit and condition; the rows whose condition is NULL are the
-- whole unit (GROUPING SETS), since a median cannot be added up from its parts.
-- percentile_cont interpolates between the two middle stays.
CREATE OR REPLACE VIEW analytics.length_of_stay AS
WITH stays AS (
    SELECT a.department AS unit, v.condition,
           extract(epoch FROM a.discharge_time - a.admission_time)::double precision / 86400 AS days
    FROM hospital_admissions.admissions AS a
    JOIN hospital_admissions.visits AS v ON v.visit_id = a.visit_id
    WHERE a.status = 'Admitted' AND a.discharge_time IS NOT NULL
)
SELECT unit, condition,
       count(*)::integer AS stays,
       round(avg(days)::numeric, 2) AS mean_days,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::numeric, 2) AS median_days,
       round((percentile_cont(0.9) WITHIN GROUP (ORDER BY days))::numeric, 2) AS p90_days,
       round(max(days)::numeric, 2) AS max_days
FROM stays
GROUP BY GROUPING SETS ((unit, condition), (unit));

-- Arrivals by ISO weekday (1 Monday .. 7 Sunday) and hour of day, all 168 cells, with
-- those who came by ambulance.
CREATE OR REPLACE VIEW analytics.arrivals_by_hour AS
WITH counted AS (
    SELECT extract(isodow FROM v.arrival_time)::integer AS weekday,
           extract(hour FROM v.arrival_time)::integer AS hour,
           count(*) AS arrivals,
           count(*) FILTER (WHERE t.transport_type = 'Ambulance') AS by_ambulance
    FROM hospital_admissions.visits AS v
    LEFT JOIN emergency_transport.transports AS t ON t.visit_id = v.visit_id
    GROUP BY 1, 2
)
SELECT w AS weekday, h AS hour,
       coalesce(c.arrivals, 0)::integer AS arrivals,
       coalesce(c.by_ambulance, 0)::integer AS by_ambulance
FROM generate_series(1, 7) AS w
CROSS JOIN generate_series(0, 23) AS h
LEFT JOIN counted AS c ON c.weekday = w AND c.hour = h;

-- Transports by type (Ambulance, Private) and the condition's severity (1..5), with how
-- many had a paramedic (EMT) attending and that share.
CREATE OR REPLACE VIEW analytics.transports_by_type AS
SELECT t.transport_type, m.severity,
       count(*)::integer AS transports,
       count(t.attending_paramedic_id)::integer AS with_paramedic,
       round(count(t.attending_paramedic_id)::numeric / count(*), 4) AS paramedic_share
FROM emergency_transport.transports AS t
JOIN hospital_admissions.medical_conditions AS m ON m.condition = t.condition
GROUP BY t.transport_type, m.severity;

-- Transfers out by reason and destination facility, with the mean hours from admission.
CREATE OR REPLACE VIEW analytics.transfers_by_reason AS
SELECT reason, destination, destination_area,
       count(*)::integer AS transfers,
       round(avg(extract(epoch FROM transfer_time - admission_time) / 3600), 2) AS mean_hours_after_admission
FROM patient_transfers.transfers
GROUP BY reason, destination, destination_area;

-- The workforce per calendar quarter, from the snapshots of the quarterly workforce steps
-- (at least one in every quarter, as steps are 90 days apart): active staff at the
-- quarter's last snapshot, members first seen in a snapshot of the quarter (after the
-- first, which is the initial roster), and members retired there (missing from the
-- snapshot after their last one, as hospital_operations.staff_status has it).
CREATE OR REPLACE VIEW analytics.workforce_quarterly AS
WITH snapshots AS (
    SELECT snapshot_date, count(*)::integer AS active,
           lead(snapshot_date) OVER (ORDER BY snapshot_date) AS next_snapshot,
           min(snapshot_date) OVER () AS first_snapshot
    FROM hospital_operations.staff_snapshots
    GROUP BY snapshot_date
),
members AS (
    SELECT staff_id, min(snapshot_date) AS first_seen, max(snapshot_date) AS last_seen
    FROM hospital_operations.staff_snapshots
    GROUP BY staff_id
),
quarters AS (
    SELECT date_trunc('quarter', snapshot_date)::date AS quarter_start, max(snapshot_date) AS last_snapshot
    FROM snapshots
    GROUP BY 1
),
hired AS (
    SELECT date_trunc('quarter', m.first_seen)::date AS quarter_start, count(*) AS hired
    FROM members AS m
    JOIN snapshots AS s ON s.snapshot_date = m.first_seen
    WHERE m.first_seen > s.first_snapshot
    GROUP BY 1
),
retired AS (
    SELECT date_trunc('quarter', s.next_snapshot)::date AS quarter_start, count(*) AS retired
    FROM members AS m
    JOIN snapshots AS s ON s.snapshot_date = m.last_seen
    WHERE s.next_snapshot IS NOT NULL
    GROUP BY 1
)
SELECT q.quarter_start,
       to_char(q.quarter_start, 'YYYY "Q"Q') AS quarter,
       q.last_snapshot,
       s.active,
       coalesce(h.hired, 0)::integer AS hired,
       coalesce(r.retired, 0)::integer AS retired
FROM quarters AS q
JOIN snapshots AS s ON s.snapshot_date = q.last_snapshot
LEFT JOIN hired AS h ON h.quarter_start = q.quarter_start
LEFT JOIN retired AS r ON r.quarter_start = q.quarter_start;

-- Senior cover per staff department and shift: on each day, how many clinical seniors
-- (experience level Senior in a doctor or nurse role: configs/workforce.json doctor_roles
-- and nurse_roles) were on duty on that shift there. Summed over the days the shift was
-- staffed at all: staff shifts, senior shifts, days with at least one senior.
CREATE OR REPLACE VIEW analytics.schedule_coverage AS
WITH shifts AS (
    SELECT schedule_date, department, shift_type,
           count(*) AS on_duty,
           count(*) FILTER (WHERE experience_level = 'Senior' AND role IN ('Doctor', 'Surgeon', 'Nurse')) AS clinical_seniors
    FROM hospital_operations.schedules
    WHERE on_duty
    GROUP BY schedule_date, department, shift_type
)
SELECT department, shift_type,
       count(*)::integer AS staffed_days,
       sum(on_duty)::integer AS staff_shifts,
       sum(clinical_seniors)::integer AS senior_shifts,
       (count(*) FILTER (WHERE clinical_seniors > 0))::integer AS days_with_senior,
       round(sum(clinical_seniors)::numeric / count(*), 2) AS seniors_per_day,
       round((count(*) FILTER (WHERE clinical_seniors > 0))::numeric / count(*), 4) AS senior_cover_share
FROM shifts
GROUP BY department, shift_type;

COMMENT ON SCHEMA analytics IS 'Views answering the hospital''s questions (docs/warehouse.md, Analytics views)';
COMMENT ON VIEW analytics.ward_census_daily IS 'Beds occupied at midnight per inpatient ward and day, against its capacity';
COMMENT ON VIEW analytics.admissions_daily IS 'Visits, admissions and capacity denials per arrival day and care unit';
COMMENT ON VIEW analytics.length_of_stay IS 'Length of stay in days per unit and condition (NULL condition: the whole unit): mean, median, p90';
COMMENT ON VIEW analytics.arrivals_by_hour IS 'Arrivals by ISO weekday and hour of day, with ambulance arrivals';
COMMENT ON VIEW analytics.transports_by_type IS 'Transports by type and severity, with the share a paramedic attended';
COMMENT ON VIEW analytics.transfers_by_reason IS 'Transfers by reason and destination';
COMMENT ON VIEW analytics.workforce_quarterly IS 'Active, hired and retired staff per calendar quarter';
COMMENT ON VIEW analytics.schedule_coverage IS 'Clinical seniors on duty per department and shift';

-- Reader only: the loader has no business in analytics.
GRANT USAGE ON SCHEMA analytics TO hospital_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO hospital_reader;
