"""The data layer: where the tables are, the codebook, the checks and the loader.

Nothing here imports from the layers above it (:mod:`analysis.measures`, :mod:`analysis.charts`,
:mod:`analysis.publish`). Modules: :mod:`~analysis.data.paths` (where files are),
:mod:`~analysis.data.codebook` (every table, field and vocabulary), the checks in three passes
(:mod:`~analysis.data.read`, :mod:`~analysis.data.validate`, :mod:`~analysis.data.crosscheck`),
:mod:`~analysis.data.load` (validated, typed tables), :mod:`~analysis.data.dates` (dates and their
precision), :mod:`~analysis.data.edition` (the data cut-off date),
:mod:`~analysis.data.coverage` (what the external extracts cover), and what is generated from the
codebook: :mod:`~analysis.data.datapackage` and :mod:`~analysis.data.dictionary`.
"""
