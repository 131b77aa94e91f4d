"""The facts of each chapter: every number, name and date its prose quotes, its figures, and the
checks that the data still supports each sentence.

One module per chapter (``book/<chapter>.md`` -> ``analysis.publish.facts.<chapter>``), each
with the same functions, so that a chapter's cells only call them and glue what they return::

    facts(tables, cutoff)    # {glue name: value}, after checking every guard
    figures(tables, cutoff)  # {figure name: Chart}, for the {glue:figure} blocks

and, where the chapter has them, ``displays(tables, cutoff)`` (the Markdown tables it shows) and
``specs(tables, cutoff)`` (the Vega-Lite specifications of its interactive figures).

A chapter's words rest on facts that the data could stop supporting ("each time for unrest
inside a member", "only Belarus"). Each such sentence has a :class:`~.checks.Guard` in its
chapter's ``GUARDS``: a named check of the values the sentence rests on, which ``facts``
runs before it returns, so that the build stops with the sentence named rather than print it.
``values(tables, cutoff)`` returns what the guards read, and the tests in ``tests/facts/`` run
every guard on the data and on values altered so that the sentence would be false.
"""
