-- One notion of a deadline, and deadlines counted under a procedural rule.
--
-- Up to schema 3 an event was a deadline when it carried deadline details
-- (deadline_status set), whatever its type: an event of type "deadline" without them stayed
-- off the agenda, and a hearing with them was a deadline. From now on the type decides:
-- an event of type "deadline" is a deadline, and only it carries deadline details.
-- Versions are not bumped: every vault applies the same change to the same records, so
-- copies exchanged in bundles still agree (a bundle from an older vault is normalised the
-- same way on import, see EventStore._validate).

-- A deadline-typed event without details becomes a pending deadline, so it reaches the agenda.
INSERT INTO audit (at, action, record_kind, record_id, summary)
SELECT strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'), 'migrate', 'event', id,
       'made a pending deadline: its type is Deadline (schema 4)'
FROM events WHERE event_type = 'deadline' AND deadline_status IS NULL;
UPDATE events SET deadline_status = 'pending'
WHERE event_type = 'deadline' AND deadline_status IS NULL;

-- An event of another type with deadline details keeps them and becomes a Deadline.
INSERT INTO audit (at, action, record_kind, record_id, summary)
SELECT strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'), 'migrate', 'event', id,
       'type ' || event_type || ' changed to deadline: it carried deadline details (schema 4)'
FROM events WHERE deadline_status IS NOT NULL AND event_type <> 'deadline';
UPDATE events SET event_type = 'deadline'
WHERE deadline_status IS NOT NULL AND event_type <> 'deadline';

-- How a computed deadline counts (calendar_days, working_days, weeks, months) and the rule
-- that rolls a non-working last day (core/deadline_rules.py). Deadlines written before
-- counted calendar days and never rolled: they keep exactly that meaning and date.
ALTER TABLE events ADD COLUMN deadline_unit TEXT;
ALTER TABLE events ADD COLUMN deadline_rule TEXT;
UPDATE events SET deadline_unit = 'calendar_days', deadline_rule = 'none'
WHERE deadline_status IS NOT NULL;
