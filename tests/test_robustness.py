"""Every combination of the coding alternatives (analysis.measures.robustness): the grid equals
coding the tables combination by combination, the exact tests over arrays equal hand-worked
tables, and the verdict says "every", "most" or "not" as counted."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures import alternatives, universe
from analysis.measures import counters as ct
from analysis.measures import exact_arrays as ea
from analysis.measures import robustness as rb
from analysis.measures import verdicts as vd
from tests.helpers import universe as fx

SOME = ("treaty_in_force", "other_organizations_in", "soft_calls_out", "csto_patron_appeals_in",
        "nato_patron_appeals_in", "every_deadly_clash", "terror_folded", "hybrid_in")


@pytest.fixture
def records():
    req = universe.request_records(fx.requests(), fx.responses())
    cri = universe.crisis_records(fx.candidates(), fx.requests(), fx.conflicts())
    return req, cri


def test_grid_equals_coding_every_combination_the_slow_way(records):
    g = rb.grid(*records, alternatives=SOME)
    assert g.size == 2 ** len(SOME)
    for i in range(g.size):
        slow = rb.counts_under(*records, g.active(i))
        assert dict(zip(ct.COUNTERS, g.counts[i].tolist())) == slow, g.active(i)


def test_grid_by_hand(records):
    g = rb.grid(*records, alternatives=SOME)
    troops_n = g.column("cond|alliance|CSTO|troops|n")
    troops_k = g.column("cond|alliance|CSTO|troops|k")
    assert (troops_k[0], troops_n[0]) == (1, 3)
    both = g.index_of(["treaty_in_force", "soft_calls_out"])
    assert (troops_k[both], troops_n[both]) == (1, 1)
    assert g.column("sel|CSTO|all|n")[g.index_of(["terror_folded"])] == 5
    assert g.column("casus|CSTO|n")[g.index_of(["every_deadly_clash"])] == 4
    assert g.active(g.index_of(["hybrid_in", "treaty_in_force"])) == ("treaty_in_force",
                                                                       "hybrid_in")
    with pytest.raises(ValueError, match="not in the grid"):
        g.index_of(["batken_1999"])


def test_real_grid_matches_the_slow_way_on_sampled_combinations(tables):
    req = universe.request_records(tables["requests"], tables["responses"])
    cri = universe.crisis_records(tables["crisis_candidates"], tables["requests"],
                                  tables["ucdp_conflicts"])
    g = rb.grid(req, cri)
    assert g.size == 2 ** len(alternatives.ALTERNATIVES)
    rng = np.random.default_rng(22)
    table = g.counts  # the whole table, built once (each access builds it)
    for i in [0, g.size - 1, *rng.integers(0, g.size, 6).tolist()]:
        assert dict(zip(ct.COUNTERS, table[i].tolist())) == rb.counts_under(
            req, cri, g.active(i))


def test_an_alternative_that_does_not_touch_a_record_cannot_change_it(tables):
    """The grid's premise, checked on the real records: coding a record under every
    alternative at once, or only under those that touch it, gives the same contribution."""
    req = universe.request_records(tables["requests"], tables["responses"])
    cri = universe.crisis_records(tables["crisis_candidates"], tables["requests"],
                                  tables["ucdp_conflicts"])
    lookup = universe.by_id(req)
    everything = [a.name for a in alternatives.ALTERNATIVES]
    for record in req.to_dict("records"):
        touched = alternatives.request_touched_by(record)
        assert alternatives.code_request(record, everything) == alternatives.code_request(record,
                                                                                   touched)
    for record in cri.to_dict("records"):
        touched = alternatives.crisis_touched_by(record, lookup)
        assert (alternatives.code_crisis(record, lookup, everything)
                == alternatives.code_crisis(record, lookup, touched))


def test_exact_tests_over_arrays_match_hand_worked_tables():
    # 1 of 5 against 5 of 5: 6 successes in 10, first group 5: P(1) = P(5) = 6/252, the only
    # tables as unlikely, so p = 12/252.
    # 2 of 8 against 2 of 2 (the referee's troop asks): p = 28/210.
    p = ea.fisher_p(np.array([1, 2, 1]), np.array([5, 8, 5]), np.array([5, 2, 5]),
                    np.array([5, 2, 5]))
    assert p == pytest.approx([12 / 252, 28 / 210, 12 / 252])
    # Two strata, each 0 of 1 against 1 of 1: the CSTO total is 0, 1 or 2 with probabilities
    # 1/4, 1/2, 1/4; the total seen is 0, so p = 1/4 + 1/4.
    one = np.array([0]), np.array([1]), np.array([1]), np.array([1])
    assert ea.stratified_p([one, one]) == pytest.approx([0.5])
    # A stratum that carries nothing (no NATO request) leaves the test to the other one.
    empty = np.array([2]), np.array([2]), np.array([0]), np.array([0])
    assert ea.stratified_p([(np.array([1]), np.array([5]), np.array([5]), np.array([5])),
                            empty]) == pytest.approx([12 / 252])


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 5).flatmap(lambda width: st.lists(
    st.lists(st.integers(-3, 40), min_size=width, max_size=width), min_size=1, max_size=60)),
    st.sampled_from(["table", "sort", "rows"]))
def test_a_function_over_distinct_rows_equals_it_row_by_row(rows, path):
    # Every path (tabulated keys, sorted keys, sorted rows) gives each row its own value.
    columns = [np.array(column) for column in zip(*rows)]
    calls = []

    def function(row):
        calls.append(row)
        return float(sum((i + 1) * 7 ** i * v for i, v in enumerate(row)))

    with pytest.MonkeyPatch.context() as patch:
        if path == "sort":
            patch.setattr(ea, "_TABULATE_UP_TO", 0)
        elif path == "rows":
            patch.setattr(ea, "_FOLD_BELOW", 1)
        got = ea._over_unique(columns, function)
    assert len(calls) == len({tuple(row) for row in rows})
    assert got.tolist() == [function(tuple(row)) for row in rows]


def test_lower_and_supported():
    k1, n1 = np.array([1, 1, 3]), np.array([5, 3, 5])
    k2, n2 = np.array([5, 1, 1]), np.array([5, 1, 5])
    assert ea.lower_and_supported(k1, n1, k2, n2).tolist() == [True, False, False]
    assert ea.not_told_apart(k1, n1, k2, n2).tolist() == [False, True, True]


def _grid(values):
    """A grid of one alternative and as many combinations as ``values`` (a power of two)."""
    counts = np.zeros((len(values), len(ct.COUNTERS)), dtype=np.int16)
    counts[:, ct.COUNTERS.index("sel|CSTO|all|n")] = values
    names = tuple(a.name for a in alternatives.ALTERNATIVES[:int(np.log2(len(values)))])
    return rb.Grid.from_counts(names, counts)


@pytest.mark.parametrize("values, label, holds", [
    ([5, 5, 5, 5], vd.EVERY, 4),
    ([5, 5, 5, 0], vd.MOST, 3),
    ([5, 0, 5, 0], vd.NOT, 2),
    ([0, 0, 0, 5], vd.NOT, 1),
])
def test_verdict_words_the_share(values, label, holds):
    v = vd.verdict(_grid(values), lambda c: c["sel|CSTO|all|n"] > 0)
    assert (v.label, v.holds, v.of) == (label, holds, len(values))
    assert v.main == (values[0] > 0)
    assert (v.failing is None) == (label == vd.EVERY)
    assert v.failing != () or not v.main


def test_verdict_names_the_smallest_failing_combination():
    v = vd.verdict(_grid([5, 5, 0, 0]), lambda c: c["sel|CSTO|all|n"] > 0)
    assert v.failing == (alternatives.ALTERNATIVES[1].name,)


def test_verdict_refuses_a_claim_of_the_wrong_shape():
    with pytest.raises(ValueError, match="one bool per combination"):
        vd.verdict(_grid([5, 0]), lambda c: c["sel|CSTO|all|n"][:1] > 0)
    with pytest.raises(ValueError, match="one bool per combination"):
        vd.verdict(_grid([5, 5]), lambda c: np.array([True, False]))


def test_leave_one_out(records):
    # "NATO got what it asked on every troop ask" rests on N1 alone.
    claim = lambda c: c["cond|alliance|NATO|troops|k"] >= 1  # noqa: E731
    loo = vd.leave_one_out(*records, claim).set_index("request_id")["holds"]
    assert not loo["N1"]
    assert loo.drop("N1").all()
    assert "C7" not in loo.index  # no request was made
    assert "N4;N5" in loo.index  # the joint request is left out as one


def test_by_alternative_and_tally(records):
    g = rb.grid(*records, alternatives=SOME)
    table = vd.by_alternative(g, lambda c: c["cond|alliance|CSTO|troops|n"] >= 3).set_index(
        "alternative")["holds"]
    assert table["main"] and not table["treaty_in_force"] and table["other_organizations_in"]
    assert rb.tally(g, "sel|NATO|all|n") == {2: 2 ** 7, 3: 2 ** 7}  # hybrid_in adds one


def test_the_count_of_alternatives_on_is_the_number_of_set_bits():
    from analysis.measures.verdicts import _alternatives_on
    for size in (1, 2, 8, 1024):
        assert list(_alternatives_on(size)) == [bin(i).count("1") for i in range(size)]


def test_each_claim_on_the_alternatives_behind_it_equals_the_claim_on_every_combination(tables):
    # The real grid, with every claim the chapters state: evaluated only over the alternatives
    # that change the counters it reads, then spread, it equals the claim evaluated directly.
    from analysis.publish.facts import comparison

    candidates = tables["crisis_candidates"]
    requests = universe.mark_in_universe(
        universe.request_records(tables["requests"], tables["responses"]), candidates)
    crises = universe.crisis_records(candidates, tables["requests"], tables["ucdp_conflicts"])
    g = rb.grid(requests, crises)
    read: set[str] = set()

    class Noting(ct.Counts):
        def __getitem__(self, name):
            read.add(name)
            return super().__getitem__(name)

    narrower = 0
    for name, claim in comparison.CLAIMS.items():
        read.clear()
        direct = np.asarray(claim.holds(Noting.of_grid(g)), dtype=bool)
        assert np.array_equal(vd.holds_under(g, claim.holds), direct), name
        narrower += len(g.alternatives_behind(read)) < len(g.alternatives)
    assert narrower == len(comparison.CLAIMS)  # the shortcut is taken for every claim


def test_a_counter_no_alternative_changes_is_the_same_in_every_combination(records):
    g = rb.grid(*records, alternatives=SOME)
    for name in ct.COUNTERS:
        column = g.column(name)
        if not g.changed_by[name]:
            assert (column == column[0]).all(), name
        assert g.changed_by[name] <= set(SOME)
    rows, index = g.sub_combinations(SOME[:2])
    assert rows.tolist() == [0, 1, 2, 3]
    assert index[g.index_of([SOME[1], SOME[4]])] == 2
