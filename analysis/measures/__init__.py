"""The measures: what the book computes from the validated tables.

Functions take DataFrames and return DataFrames or graphs; they read no files except the map
shapes (through :mod:`analysis.data.paths`). They import only from :mod:`analysis.data` and from
each other, never from :mod:`analysis.charts` or :mod:`analysis.publish`. Membership intervals
("who was in what, with which status, on a day") are owned by :mod:`~analysis.measures.membership`.
"""
