-- The reporting schema: documented, stable views over the read-model tables for dashboard
-- tools that read PostgreSQL directly (see case-projections/REPORTING.md). Views hold no
-- client identity or clinical text: ids, codes, dates and counts only. Columns are only
-- ever added, never renamed or removed; a change of meaning gets a new view.

CREATE SCHEMA reporting;

CREATE VIEW reporting.cases AS
SELECT case_id, case_manager_id, status, opened_on, closed_on, closure_reason, risk_level
  FROM public.case_file;
COMMENT ON VIEW reporting.cases IS
    'Every case: manager, status (OPEN/CLOSED), opened and closed dates, closure reason, latest assessed risk level.';

CREATE VIEW reporting.open_cases AS
SELECT e.case_id, e.case_manager_id, e.opened_on, e.risk_level, e.last_contact_at, e.next_follow_up_due,
       e.pending_referrals, e.open_referrals
  FROM public.caseload_entry e
 WHERE e.status = 'OPEN';
COMMENT ON VIEW reporting.open_cases IS
    'Open cases with latest risk level, last contact (business time), next open follow-up and referral counts.';

CREATE VIEW reporting.caseload_sizes AS
SELECT case_manager_id, count(*) AS open_cases
  FROM public.caseload_entry
 WHERE status = 'OPEN'
 GROUP BY case_manager_id;
COMMENT ON VIEW reporting.caseload_sizes IS 'Number of open cases per case manager.';

CREATE VIEW reporting.meetings AS
SELECT meeting_id, case_id, type, occurred_at, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month,
       duration_minutes, recorded_at
  FROM public.case_file_meeting;
COMMENT ON VIEW reporting.meetings IS
    'Recorded meetings: type, when they happened (occurred_at, and its month in UTC), duration, when recorded.';

CREATE VIEW reporting.meetings_by_month AS
SELECT month, type, count(*) AS meetings, sum(duration_minutes) AS total_minutes
  FROM reporting.meetings
 GROUP BY month, type;
COMMENT ON VIEW reporting.meetings_by_month IS 'Meetings and minutes per month (UTC) and meeting type.';

CREATE VIEW reporting.referral_outcomes AS
SELECT referral_id, case_id, provider_type, urgency, status, added_at,
       CASE WHEN status <> 'PENDING' THEN updated_at END AS outcome_at,
       CASE WHEN status <> 'PENDING'
            THEN extract(epoch FROM updated_at - added_at) / 86400.0 END AS days_to_outcome
  FROM public.case_file_referral;
COMMENT ON VIEW reporting.referral_outcomes IS
    'Referrals with their current status; for answered ones, when the latest outcome was recorded and the days it took.';

CREATE VIEW reporting.follow_ups AS
SELECT follow_up_id, case_id, due_on, completed
  FROM public.caseload_follow_up;
COMMENT ON VIEW reporting.follow_ups IS 'Scheduled follow-ups, their due date and whether they are completed.';
