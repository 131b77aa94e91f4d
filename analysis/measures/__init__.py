"""The measures: what the book computes from the validated tables.

Functions take DataFrames (and, where a question is asked "today", the data's cut-off date as an
argument) and return DataFrames or graphs; they read no files except the map shapes (through
:mod:`analysis.data.paths`). They import only from :mod:`analysis.data` and from each other,
never from :mod:`analysis.charts` or :mod:`analysis.publish`, and no private name crosses from one
module to another. One home per idea:

* membership: who was in what on a day, and who is *inside* an alliance
  (:mod:`~analysis.measures.membership`); growth over time (:mod:`~analysis.measures.growth`);
  networks and maps (:mod:`~analysis.measures.network`, :mod:`~analysis.measures.snapshots`,
  :mod:`~analysis.measures.installations`, :mod:`~analysis.measures.alliances`,
  :mod:`~analysis.measures.maps`, :mod:`~analysis.measures.geometry`);
* requests and responses: the response scale (:mod:`~analysis.measures.levels`), outcomes
  (:mod:`~analysis.measures.requests`), which crises count (:mod:`~analysis.measures.selection`),
  rates (:mod:`~analysis.measures.rates`), coding alternatives
  (:mod:`~analysis.measures.sensitivity`), timelines (:mod:`~analysis.measures.interventions`,
  :mod:`~analysis.measures.cases`, :mod:`~analysis.measures.moments`);
* votes: the one agreement scorer (:mod:`~analysis.measures.agreement`), the hand-coded votes
  (:mod:`~analysis.measures.votes`, :mod:`~analysis.measures.ukraine`), the roll calls
  (:mod:`~analysis.measures.roll_calls`), divisions (:mod:`~analysis.measures.divisions`) and
  defiance on an ordinal scale with the Council's attendance (:mod:`~analysis.measures.defiance`);
* capabilities: spending (:mod:`~analysis.measures.spending`), personnel
  (:mod:`~analysis.measures.personnel`), arms (:mod:`~analysis.measures.arms`), exercises
  (:mod:`~analysis.measures.exercises`), the largest member's share
  (:mod:`~analysis.measures.shares`), concentration (:mod:`~analysis.measures.burden`) and the
  comparison with NATO (:mod:`~analysis.measures.compare`);
* the sources themselves: their kinds, the hosts the sourcing policy excludes, the facts resting
  on state media alone, and each external dataset's terms (:mod:`~analysis.measures.sourcing`).
"""
