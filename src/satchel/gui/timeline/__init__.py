"""The timeline: a case's (or every case's) events on a zoomable time axis.

`layout` holds the Qt-free geometry (items, lanes, ticks, clusters), `scene` what a load
shows (filtered items, lanes, bands; no Qt), `loader` the reading and grouping that runs
at once or as a background job, `view` paints it, `widget` adds the toolbar, filters and
the tray of undated events, and `link` keeps a timeline and a chronology table on one
selected event. The case view and the agenda build
these widgets themselves; nothing here patches another class.

Nothing here writes to the vault or shows vault text as rich text.
"""
