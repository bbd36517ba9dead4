"""Mentions and events from article text.

- :mod:`.dates`: temporal expressions with TIMEX3 types and values (``find_dates``).
- :mod:`.places`: toponyms with exact spans and metonymy flags (``find_places``).
- :mod:`.events`: sentences to dated, placed events (``extract_events``).
"""
