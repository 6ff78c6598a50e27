"""The chronology of a case.

The events table, the event form, and the agenda of deadlines across all cases.
"""
