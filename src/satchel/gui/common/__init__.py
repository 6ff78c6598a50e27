"""What every part of the client shares.

Plain-text labels, icons, theme, workers, the loss-guarding questions, date widgets.
"""
