"""The chapter helpers format numbers the way the book states them."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.publish import book


def test_rate_text_gives_count_rate_and_interval():
    assert book.rate_text(1, 8, 0.0224, 0.4709) == "1 of 8 (12%; 95% interval 2–47%)"


def test_rate_text_for_no_cases():
    assert book.rate_text(0, 0, float("nan"), float("nan")) == "none of 0"


def test_percent_rounds():
    assert book.percent(0.125) == "12%"  # round-half-to-even, as Python formats
    assert book.percent(0.8921, 1) == "89.2%"


def test_figure_data_is_written_once_and_reproducibly(tmp_path, monkeypatch):
    monkeypatch.setattr(book, "FIGURE_DATA", tmp_path)
    data = pd.DataFrame({"state": ["ARM", "RUS"], "value": [1, 2]})
    book.write_figure_data("fig-x", data)
    first = (tmp_path / "fig-x.csv").stat().st_mtime_ns
    book.write_figure_data("fig-x", data)
    assert (tmp_path / "fig-x.csv").stat().st_mtime_ns == first
    assert (tmp_path / "fig-x.csv").read_text() == "state,value\nARM,1\nRUS,2\n"


def test_times_in_words():
    assert [book.times(n) for n in (0, 1, 2, 7)] == ["never", "once", "twice", "7 times"]


def test_count_of_agrees_in_number():
    assert book.count_of(1, "request") == "1 request"
    assert book.count_of(1200, "state") == "1,200 states"
    assert book.count_of(2, "crisis", "crises") == "2 crises"


def _line_figure():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [1, 0, 1])
    return fig


def _dense_figure():
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots()
    ax.scatter(*np.random.default_rng(0).random((2, 5000)), s=2)
    return fig


def test_figure_image_picks_the_smaller_format():
    import matplotlib.pyplot as plt

    book.use_house_style()
    line, dense = _line_figure(), _dense_figure()
    assert book.figure_image(line)[0] == "svg"  # a few paths: vector is tiny
    assert book.figure_image(dense)[0] == "png"  # thousands of marks: raster is smaller
    plt.close("all")


def test_figure_image_is_reproducible():
    import matplotlib.pyplot as plt

    first, second = _dense_figure(), _dense_figure()
    assert book.figure_image(first) == book.figure_image(second)
    first, second = _line_figure(), _line_figure()
    assert book.figure_image(first) == book.figure_image(second)
    plt.close("all")


def test_and_list_joins_names_as_prose():
    assert book.and_list(["Armenia", "Belarus", "Kazakhstan"]) == "Armenia, Belarus and Kazakhstan"
    assert book.and_list(["Armenia", "Belarus"]) == "Armenia and Belarus"
    assert book.and_list(["Armenia"]) == "Armenia"
    assert book.and_list([]) == ""


def test_share_states_count_and_percent_and_no_cases_like_rate_text():
    assert book.share(3, 4) == "3 of 4 (75%)"
    assert book.share(0, 0) == book.rate_text(0, 0, 0.0, 0.0) == "none of 0"


def test_state_names_maps_iso3_codes_to_names():
    states = pd.DataFrame({"iso3": ["ARM", "BLR"], "name": ["Armenia", "Belarus"]})
    assert book.state_names(states) == {"ARM": "Armenia", "BLR": "Belarus"}


def test_record_days_writes_each_records_day_once():
    timeline = pd.DataFrame({"record": ["events:E1", "events:E1", "requests:R"],
                             "date": pd.to_datetime(["2022-09-13", "2022-09-13", "2021-05-12"])})
    assert book.record_days(timeline, {"a": "events:E1", "b": "requests:R"}) == {
        "a": "13 September 2022", "b": "12 May 2021"}


def test_glue_all_glues_text_as_is_and_numbers_with_separators(monkeypatch):
    import myst_nb

    glued = {}
    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: glued.update({name: value}))
    book.glue_all({"words": "Armenia and Belarus", "count": 1200, "year": "2022"})
    assert glued == {"words": "Armenia and Belarus", "count": "1,200", "year": "2022"}


def test_glue_all_refuses_a_value_it_cannot_word(monkeypatch):
    import myst_nb
    import pytest

    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: None)
    with pytest.raises(TypeError, match="flag"):
        book.glue_all({"flag": True})


def test_when_text_writes_a_date_to_its_precision():
    assert book.when_text(pd.Timestamp("2021-05-13")) == "13 May 2021"
    assert book.when_text(pd.Timestamp("2021-05-01"), "month") == "May 2021"
    assert book.when_text(pd.Timestamp("2021-01-01"), "year") == "2021"


def test_found_in_quotes_a_records_number_or_day_and_stops_when_it_is_gone():
    text = "1,960 Russian peacekeepers deploy; EUMA extended to 19 February 2027; USD 1.5 billion"
    assert book.figure_in(text, "{n} Russian peacekeepers") == "1,960"
    assert book.found_in(text, "USD {n} billion") == "1.5"
    assert book.found_in(text, "extended to {d}") == "19 February 2027"
    with pytest.raises(LookupError, match="Belarusian"):
        book.figure_in(text, "{n} Belarusian peacekeepers")
