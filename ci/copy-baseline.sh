#!/usr/bin/env bash
# ci/copy-baseline.sh: the warehouse benchmark's baseline (docs/performance.md §Warehouse load): the same lake files
# loaded into the same tables with psql alone — \copy into temporary staging tables of text
# columns, then one INSERT ... SELECT with casts ... ON CONFLICT DO NOTHING per table,
# dimensions first, one ledger row per file, all in one transaction under the loader role.
# No validation beyond PostgreSQL's own; the target ratio is in docs/performance.md §Warehouse load.
# Outbox files (transports, transfers, summaries) are read from batch/ when present, with
# event_id faked as md5(topic/id)::uuid.
#
#   ci/copy-baseline.sh LAKE [PG_ENV_FILE]
#
# Connection: DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD (or a PG env file). The schema
# (db/db_schema.sql) is applied first. The staging columns are the loader's headers, read
# from `hospital columns` (HOSPITAL_BIN, or the debug build, built when missing).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAKE="$(realpath "${1:?usage: ci/copy-baseline.sh LAKE [PG_ENV_FILE]}")"
env_file="${2:-${PG_ENV_FILE:-}}"
if [[ -n "$env_file" ]]; then
    # shellcheck source=/dev/null # a PG env file (ci/pg.sh env): export KEY=value lines
    source "$env_file"
fi
if [[ -z "${DB_PASSWORD:-}" && -n "${DB_PASSWORD_FILE:-}" ]]; then DB_PASSWORD="$(<"$DB_PASSWORD_FILE")"; fi
: "${DB_HOST:?}" "${DB_PORT:?}" "${DB_NAME:?}" "${DB_USER:?}"
export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGDATABASE="$DB_NAME" PGUSER="$DB_USER"
export PGPASSWORD="${DB_PASSWORD:-}" PGAPPNAME=copy-baseline PGOPTIONS="-c client_min_messages=warning"
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

[[ -d "$LAKE/batch" ]] || { echo "copy-baseline: no $LAKE/batch" >&2; exit 2; }
psql_ -1 -f "$here/db/db_schema.sql" >/dev/null

sql="$(mktemp)"
trap 'rm -f "$sql"' EXIT

# Lake files of a kind (`hospital files --kind`), in batch/ or (moved by a service)
# processed/, sorted by name.
files() { # kind
    "$hospital" files --lake "$LAKE" --kind "$1"
}
# Each kind's header as the loader knows it (`hospital columns`), never a copy kept here.
hospital="${HOSPITAL_BIN:-$here/.build/debug/hospital}"
[[ -x "$hospital" ]] || (cd "$here" && swift build --product hospital >/dev/null)
declare -A header=()
while read -r kind columns; do header[$kind]=$columns; done < <("$hospital" columns)

declare -A csv_rows=()
# stage NAME TARGET PATTERN KIND: one staging table stg_NAME with the exact header of the
# loader's KIND (HEADER MATCH makes PostgreSQL check it), plus _file (each file's name, set
# as the column's default before its \copy: an UPDATE per file would rescan every earlier
# file, and did, for over 1,000 s on the full lake); one ledger row per file, its rows counted here.
stage() {
    local kind="$1" target="$2" lake_kind="$3"
    local -a columns
    read -ra columns <<<"${header[$4]:?"hospital columns names no kind $4"}"
    set -- "${columns[@]}"
    local cols="" c f name sha n total=0
    for c in "$@"; do cols+="${cols:+, }\"$c\""; done
    {
        printf 'CREATE TEMP TABLE stg_%s (' "$kind"
        for c in "$@"; do printf '"%s" text, ' "$c"; done
        printf '_file text) ON COMMIT DROP;\n'
    } >>"$sql"
    while IFS= read -r f; do
        name="${f##*/}"
        sha="$(sha256sum "$f" | cut -d' ' -f1)"
        n=$(($(wc -l <"$f") - 1))
        total=$((total + n))
        {
            printf "ALTER TABLE stg_%s ALTER COLUMN _file SET DEFAULT '%s';\n" "$kind" "$name"
            printf "\\\\copy stg_%s (%s) FROM '%s' WITH (FORMAT csv, HEADER match)\n" "$kind" "$cols" "$f"
            printf "INSERT INTO ingest.files (file_name, sha256, rows, target) VALUES ('%s', '%s', %d, '%s') ON CONFLICT DO NOTHING;\n" \
                "$name" "$sha" "$n" "$target"
        } >>"$sql"
    done < <(files "$lake_kind")
    csv_rows[$kind]=$total
}

cat >>"$sql" <<'SQL'
GRANT hospital_loader TO CURRENT_USER;
SET ROLE hospital_loader;
CREATE TEMP TABLE load_report (step integer, target text, source text, staged bigint, inserted bigint) ON COMMIT DROP;
SQL

stage staff hospital_operations.staff staff staff
stage active hospital_operations.staff_snapshots staffActive staffActive
stage reserve hospital_operations.reserve_pool reserve reserve
stage sched hospital_operations.schedules schedules schedules
stage visitors hospital_admissions.visits visitors visitors
stage adm hospital_admissions.admissions admissions admissions
stage transport emergency_transport.transports transport emergency_transport
stage transfers patient_transfers.transfers transfers patient_transfer

# Daily summaries: one JSON document per file, read whole (delimiter and quote are bytes
# that never occur in the lake's JSON).
echo 'CREATE TEMP TABLE stg_summary (doc text, _file text) ON COMMIT DROP;' >>"$sql"
n_summary=0
while IFS= read -r f; do
    name="${f##*/}"
    sha="$(sha256sum "$f" | cut -d' ' -f1)"
    n_summary=$((n_summary + 1))
    {
        printf "ALTER TABLE stg_summary ALTER COLUMN _file SET DEFAULT '%s';\n" "$name"
        printf "\\\\copy stg_summary (doc) FROM '%s' WITH (FORMAT csv, DELIMITER E'\\\\x02', QUOTE E'\\\\x01')\n" "$f"
        printf "INSERT INTO ingest.files (file_name, sha256, rows, target) VALUES ('%s', '%s', 1, 'daily_summary.daily_summaries') ON CONFLICT DO NOTHING;\n" \
            "$name" "$sha"
    } >>"$sql"
done < <(files dailySummary)
csv_rows[summary]=$n_summary

cat >>"$sql" <<'SQL'
-- 1. departments and care units: values of configs/hospital_shift_config.json and
--    configs/clinical_model.json (capacity = the configured, full-profile figure).
WITH ins AS (
  INSERT INTO hospital_operations.departments (department)
  VALUES ('Emergency'), ('Surgery'), ('Medicine'), ('Pediatrics'), ('ICU'), ('Maternity'),
         ('Oncology'), ('Cardiology'), ('Neurology'), ('Psychiatry'), ('High Care'), ('Palliative')
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 1, 'hospital_operations.departments', 'configs', 12, count(*) FROM ins;

WITH ins AS (
  INSERT INTO hospital_operations.care_units (unit, care, capacity, staff_department)
  VALUES ('Obstetrics & Gynecology', 'Inpatient', 141, 'Maternity'),
         ('Pediatrics', 'Inpatient', 219, 'Pediatrics'),
         ('Medicine', 'Inpatient', 265, 'Medicine'),
         ('Surgery', 'Inpatient', 330, 'Surgery'),
         ('Oncology', 'Inpatient', 20, 'Oncology'),
         ('ICU', 'Inpatient', 53, 'ICU'),
         ('Psychiatry', 'Inpatient', 20, 'Psychiatry'),
         ('High Care', 'Inpatient', 32, 'High Care'),
         ('Palliative', 'Inpatient', 10, 'Palliative'),
         ('Cardiology', 'Inpatient', 50, 'Cardiology'),
         ('Neurology', 'Inpatient', 40, 'Neurology'),
         ('General Consultation', 'Outpatient', 300, 'Emergency'),
         ('Emergency Room', 'Outpatient', 150, 'Emergency'),
         ('Specialist Clinic', 'Outpatient', 100, 'Medicine')
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 2, 'hospital_operations.care_units', 'configs', 14, count(*) FROM ins;

-- 2. staff: the initial roster, then members first seen in a snapshot (hires).
WITH ins AS (
  INSERT INTO hospital_operations.staff
    (staff_id, person_id, first_name, surname, gender, birthdate, role, staff_group, department, hire_date, status)
  SELECT staff_id::uuid, person_id::uuid, "First_Name", "Surname", "Gender", "Birthdate"::date, role,
         staff_group, department, hire_date::date, status
  FROM stg_staff ORDER BY _file, staff_id
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 3, 'hospital_operations.staff', 'staff_data', (SELECT count(*) FROM stg_staff), count(*) FROM ins;

WITH ins AS (
  INSERT INTO hospital_operations.staff
    (staff_id, person_id, first_name, surname, gender, birthdate, role, staff_group, department, hire_date, status)
  SELECT DISTINCT ON (staff_id::uuid) staff_id::uuid, person_id::uuid, "First_Name", "Surname", "Gender",
         "Birthdate"::date, role, staff_group, department, hire_date::date, 'active'
  FROM stg_active ORDER BY staff_id::uuid, snapshot_date::date
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 4, 'hospital_operations.staff', 'staff_active (hires)', (SELECT count(DISTINCT staff_id) FROM stg_active), count(*) FROM ins;

-- 3. reserve pool, snapshots, schedules.
WITH ins AS (
  INSERT INTO hospital_operations.reserve_pool
    (person_id, first_name, surname, gender, birthdate, age, years_of_experience, experience_level)
  SELECT person_id::uuid, "First_Name", "Surname", "Gender", "Birthdate"::date, "Age"::integer,
         years_of_experience::numeric(6,2), experience_level
  FROM stg_reserve
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 5, 'hospital_operations.reserve_pool', 'reserve_pool', (SELECT count(*) FROM stg_reserve), count(*) FROM ins;

WITH ins AS (
  INSERT INTO hospital_operations.staff_snapshots
    (snapshot_date, staff_id, age, years_of_service, experience_level, department)
  SELECT snapshot_date::date, staff_id::uuid, "Age"::integer, years_of_service::numeric(6,2), experience_level, department
  FROM stg_active
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 6, 'hospital_operations.staff_snapshots', 'staff_active', (SELECT count(*) FROM stg_active), count(*) FROM ins;

WITH ins AS (
  INSERT INTO hospital_operations.schedules
    (staff_id, schedule_date, role, experience_level, home_department, department, shift_type,
     shift_start, shift_hours, reserve_hours, on_duty, assignment)
  SELECT staff_id::uuid, schedule_date::date, role, experience_level, home_department, department, shift_type,
         shift_start::time, shift_hours::integer, reserve_hours::integer, on_duty::boolean, assignment
  FROM stg_sched
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 7, 'hospital_operations.schedules', 'schedules', (SELECT count(*) FROM stg_sched), count(*) FROM ins;

-- 4. conditions, patients (first appearance wins), visits.
WITH ins AS (
  INSERT INTO hospital_admissions.medical_conditions (condition, severity, severity_label)
  SELECT DISTINCT ON (condition) condition, severity::integer, severity_label
  FROM stg_visitors ORDER BY condition, _file, arrival_time, visit_id
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 8, 'hospital_admissions.medical_conditions', 'daily_visitors', (SELECT count(DISTINCT condition) FROM stg_visitors), count(*) FROM ins;

WITH ins AS (
  INSERT INTO hospital_admissions.patients (patient_id, first_name, surname, gender)
  SELECT DISTINCT ON (person_id::uuid) person_id::uuid, "First_Name", "Surname", "Gender"
  FROM stg_visitors ORDER BY person_id::uuid, _file, arrival_time, visit_id
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 9, 'hospital_admissions.patients', 'daily_visitors', (SELECT count(DISTINCT person_id) FROM stg_visitors), count(*) FROM ins;

WITH ins AS (
  INSERT INTO hospital_admissions.visits
    (visit_id, patient_id, age, condition, care_type, department, arrival_time, session, visit_reason)
  SELECT visit_id::uuid, person_id::uuid, "Age"::integer, condition, care_type, department,
         arrival_time::timestamp, session::integer, visit_reason
  FROM stg_visitors
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 10, 'hospital_admissions.visits', 'daily_visitors', (SELECT count(*) FROM stg_visitors), count(*) FROM ins;

-- 5. admissions.
WITH ins AS (
  INSERT INTO hospital_admissions.admissions
    (admission_id, visit_id, patient_id, department, staff_department, triage_minutes, admission_time, status,
     length_of_stay_days, discharge_time, discharge_reason, admitting_doctor_id, admitting_nurse_id, hospital_remedy)
  SELECT admission_id::uuid, visit_id::uuid, patient_id::uuid, department, staff_department, triage_minutes::integer,
         admission_time::timestamp, status, length_of_stay_days::integer, discharge_time::timestamp, discharge_reason,
         admitting_doctor_id::uuid, admitting_nurse_id::uuid, hospital_remedy
  FROM stg_adm
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 11, 'hospital_admissions.admissions', 'admissions', (SELECT count(*) FROM stg_adm), count(*) FROM ins;

-- 6. transports (sim_date and session from the file name; production: the event envelope).
WITH ins AS (
  INSERT INTO emergency_transport.transports
    (event_id, transport_id, visit_id, patient_id, age, condition, transport_time, transport_type, department,
     attending_paramedic_id, attending_physician_id, attending_nurse_id, emt_remedy, notes, sim_date, session)
  SELECT md5('hospital.transport/' || transport_id)::uuid, transport_id::uuid, visit_id::uuid, patient_id::uuid,
         "Age"::integer, condition, transport_time::timestamp, transport_type, department,
         attending_paramedic_id::uuid, attending_physician_id::uuid, attending_nurse_id::uuid, emt_remedy, notes,
         substring(_file FROM '_(\d{4}-\d\d-\d\d)_session_')::date,
         substring(_file FROM '_session_(\d+)\.csv$')::integer
  FROM stg_transport
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 12, 'emergency_transport.transports', 'hospital_emergency_transport', (SELECT count(*) FROM stg_transport), count(*) FROM ins;

-- 7. transfers.
WITH ins AS (
  INSERT INTO patient_transfers.transfers
    (event_id, transfer_id, admission_id, patient_id, age, condition, from_department, admission_time,
     transfer_time, reason, destination, destination_area, transport_mode, sim_date, session)
  SELECT md5('hospital.transfers/' || transfer_id)::uuid, transfer_id::uuid, admission_id::uuid, patient_id::uuid,
         "Age"::integer, condition, from_department, admission_time::timestamp, transfer_time::timestamp,
         reason, destination, destination_area, transport_mode,
         substring(_file FROM '_(\d{4}-\d\d-\d\d)_session_')::date,
         substring(_file FROM '_session_(\d+)\.csv$')::integer
  FROM stg_transfers
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 13, 'patient_transfers.transfers', 'hospital_transfers', (SELECT count(*) FROM stg_transfers), count(*) FROM ins;

-- 8. daily summaries.
WITH d AS (SELECT doc::jsonb AS j, _file FROM stg_summary),
ins AS (
  INSERT INTO daily_summary.daily_summaries
    (summary_date, visitors, admitted, denied, ambulance_arrivals, transfers_planned, units)
  SELECT (j->>'summary_date')::date, (j->>'visitors')::integer, (j->>'admitted')::integer, (j->>'denied')::integer,
         (j->>'ambulance_arrivals')::integer, (j->>'transfers_planned')::integer, j->'units'
  FROM d
  ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO load_report SELECT 14, 'daily_summary.daily_summaries', 'daily_summary json', (SELECT count(*) FROM stg_summary), count(*) FROM ins;

RESET ROLE;
SQL

echo "== rows in the lake's files (lines - header; JSON: files)"
for k in staff active reserve sched visitors adm transport transfers summary; do
    printf '%-10s %s\n' "$k" "${csv_rows[$k]}"
done
psql_ -1 -f "$sql"
