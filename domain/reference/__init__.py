"""Reference data (기준정보): catalogues the domain validates codes against.

Kept as data, not code paths: a new year's catalogue is a new entry, never an edit of logic.
"""
