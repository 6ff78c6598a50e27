"""The lock and what guards an open session.

The lock sequence, idle and session triggers, the control server, clipboard hygiene, the
private temp folder and the security settings.
"""
