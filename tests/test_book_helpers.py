"""The chapter helpers format numbers the way the book states them."""

from __future__ import annotations

import io
import re

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


def test_small_counts_in_words_with_the_callers_zero():
    assert [book.word(n) for n in (0, 1, 2, 10, 11, 1204)] == ["no", "one", "two", "ten", "11",
                                                               "1,204"]
    assert book.word(0, zero="none") == "none"
    assert book.word(3.0, zero="none") == "three"


def test_times_in_words_for_small_counts():
    assert [book.times_word(n) for n in (0, 1, 2, 4, 10, 12)] == [
        "never", "once", "twice", "four times", "ten times", "12 times"]


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


def test_every_chart_is_published_as_svg_and_only_a_raster_as_png():
    import matplotlib.pyplot as plt

    book.use_house_style()
    line, dense = _line_figure(), _dense_figure()
    assert book.figure_image(line)[0] == "svg"
    # Thousands of marks are still a chart: vector, however many bytes a PNG would save.
    fmt, data = book.figure_image(dense)
    assert fmt == "svg" and data.startswith(b"<?xml")
    assert book.figure_image(line, raster=True)[0] == "png"
    plt.close("all")


def test_compact_svg_keeps_the_drawing_text_and_references():
    import xml.etree.ElementTree as ET

    import matplotlib.pyplot as plt

    book.use_house_style()
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1, 2], [1, 0, 1], marker="o")
    ax.set_title("Kazakhstan 2022: 2.345678")
    raw = io.BytesIO()
    fig.savefig(raw, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    before, after = raw.getvalue(), book.compact_svg(raw.getvalue())
    assert len(after) < 0.8 * len(before)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    old, new = ET.fromstring(before), ET.fromstring(after)
    texts = lambda root: [t.text for t in root.iter("{%s}text" % ns["svg"])]  # noqa: E731
    assert texts(new) == texts(old) and "Kazakhstan 2022: 2.345678" in texts(new)
    assert (new.get("width"), new.get("viewBox")) == (old.get("width"), old.get("viewBox"))
    # Every id something refers to (markers, clip paths) is still there.
    ids = {e.get("id") for e in new.iter() if e.get("id")}
    referred = set(re.findall(rb'(?:url\(#|href="#)([^)"]+)', after))
    assert referred
    assert {r.decode() for r in referred} <= ids
    paths = [e.get("d") for e in new.iter("{%s}path" % ns["svg"]) if e.get("d")]
    assert paths and not any(re.search(r"\d\.\d{3}", d) for d in paths)
    assert b"<metadata>" not in after and b"rotate(-0" not in after


def test_figure_image_is_reproducible():
    import matplotlib.pyplot as plt

    book.use_house_style()  # as book.setup() does: its SVG hash salt makes the ids repeat
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


def test_readable_gives_a_codebook_value_in_words():
    assert book.readable("eastern_europe") == book.readable("eastern europe") == "Eastern Europe"
    assert book.readable("regional_group") == "regional group of forces"
    assert book.readable("not_verified") == "not verified"  # any other code: its words
    assert book.readable("Collective Security Council") == "Collective Security Council"
    assert book.readable("all") == "all" and book.readable(1992) == 1992


def test_a_tables_dates_are_short_and_never_wrap():
    assert book.table_day("2017-01-01") == "1\u00a0Jan\u00a02017"
    assert book.readable("01 Jan 2017") == book.readable(pd.Timestamp("2017-01-01")) == (
        "1\u00a0Jan\u00a02017")


def test_reader_table_is_markdown_in_words_and_numbered_when_captioned():
    frame = pd.DataFrame({"Kind": ["air_defence"], "Created": ["03 Feb 2009"], "n": [2]})
    text = book.reader_table(frame)
    assert text.startswith("| Kind") and "air-defence system" in text
    assert "3\u00a0Feb\u00a02009" in text and "air_defence" not in text
    captioned = book.reader_table(frame, "The forces.", "tab-forces")
    assert captioned.startswith(":::{table} The forces.\n:name: tab-forces\n\n| Kind")
    assert captioned.endswith(":::\n")


def test_caption_tables_numbers_each_table_in_order_and_keeps_the_text_around_them():
    text = "Intro.\n| a |\n| --- |\n| 1 |\n\nBetween.\n\n| b |\n| --- |\n| 2 |\n"
    out = book.caption_tables(text, [("First.", "tab-a"), ("Second.", "tab-b")])
    assert out.startswith("Intro.\n\n:::{table} First.\n:name: tab-a\n\n| a |")
    assert "| 1 |\n:::\n" in out and "Between." in out
    assert out.index("tab-a") < out.index("Between.") < out.index(":::{table} Second.")
    assert out.rstrip().endswith("| 2 |\n:::")
    with pytest.raises(ValueError, match="2 tables but 1 captions"):
        book.caption_tables(text, [("First.", "tab-a")])


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
