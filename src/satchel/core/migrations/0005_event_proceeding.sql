-- Which proceeding of a case an event belongs to.
--
-- One case file often holds several proceedings at once: the criminal case at home, the
-- extradition proceedings abroad, an asylum claim, a complaint to the ECHR. An event names
-- its proceeding in free text (usually as the lawyer writes it, e.g. "Criminal case
-- No. 12/345 (Russia)" or "Extradition, Germany"); the timeline can give each proceeding
-- its own lane. Empty for events written before: they belong to no named proceeding.
-- Versions are not bumped: every vault adds the same empty value to the same records.
ALTER TABLE events ADD COLUMN proceeding TEXT NOT NULL DEFAULT '';
