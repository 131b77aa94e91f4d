"""The data layer: where the tables are, the codebook, the checks and the loader.

Nothing here imports from the layers above it (:mod:`analysis.measures`, :mod:`analysis.charts`,
:mod:`analysis.publish`). Modules: :mod:`~analysis.data.paths` (where files are),
:mod:`~analysis.data.schema` (the codebook), :mod:`~analysis.data.validate` (the checks),
:mod:`~analysis.data.load` (validated, typed tables), :mod:`~analysis.data.dates` (dates and their
precision), :mod:`~analysis.data.edition` (the data cut-off date), and what is generated from the
codebook: :mod:`~analysis.data.datapackage` and :mod:`~analysis.data.dictionary`.
"""
