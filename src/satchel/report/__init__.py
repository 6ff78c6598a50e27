"""The chronology report as PDF, shared by the desktop client and the command line.

Qt GUI (fonts, painting, PDF writer), never widgets or dialogs.
"""
