"""Layout checks (analysis.charts.layout): collisions, cut-off text and displayed text size are
found on charts built to have them, and not on a clean chart."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis.charts.layout import (  # noqa: E402
    CSS_PX_PER_INCH,
    collisions,
    cut_off,
    displayed_scale,
    layout_problems,
    smallest_text_px,
)


@pytest.fixture
def fig():
    figure, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    yield figure
    plt.close(figure)


def test_clean_chart_has_no_problem(fig):
    ax = fig.axes[0]
    ax.set_title("A short title", fontsize=12)
    ax.plot([0, 1], [0, 1])
    ax.tick_params(labelsize=10)
    assert layout_problems(fig) == []


def test_two_labels_printed_over_each_other_collide(fig):
    ax = fig.axes[0]
    ax.text(0.30, 0.5, "Kok-Tash", transform=ax.transAxes)
    ax.text(0.32, 0.5, "Kok-Tash", transform=ax.transAxes)
    assert collisions(fig) == [("Kok-Tash", "Kok-Tash")]
    assert any("collides" in p for p in layout_problems(fig))


def test_year_ticks_that_run_together_collide(fig):
    ax = fig.axes[0]
    ax.set_xticks(range(30))
    ax.set_xticklabels([str(1992 + i) for i in range(30)], fontsize=10)
    assert len(collisions(fig)) >= 10


def test_legend_over_title_collides(fig):
    ax = fig.axes[0]
    ax.plot([0, 1], label="a long legend entry")
    # A title drawn inside the axes, where the legend sits too (Fig. 4.4's fault).
    ax.set_title("A title over the legend", loc="left", y=0.9)
    ax.legend(loc="upper left", fontsize=10)
    assert ("A title over the legend", "a long legend entry") in collisions(fig)


def test_separate_texts_do_not_collide(fig):
    ax = fig.axes[0]
    ax.text(0.1, 0.2, "left", transform=ax.transAxes)
    ax.text(0.7, 0.8, "right", transform=ax.transAxes)
    assert collisions(fig) == []


def test_clipped_annotation_leaving_the_axes_is_cut_off(fig):
    ax = fig.axes[0]
    ax.set_xlim(0, 1)
    ax.text(0.95, 0.5, "runs past the edge", clip_on=True)
    assert cut_off(fig) == ["runs past the edge"]
    inside = ax.text(0.1, 0.2, "inside", clip_on=True)
    assert inside.get_text() not in cut_off(fig)


def test_small_figure_is_shown_at_natural_size(fig):
    # 4 inches fits the 736 px column (4 x 96 = 384 px), so a 9 pt label shows at 9 x 96/72 = 12 px.
    fig.axes[0].set_xlabel("nine points", fontsize=9)
    fig.axes[0].tick_params(labelsize=12)
    assert displayed_scale(fig) == 1.0
    px, text = smallest_text_px(fig)
    assert text == "nine points"
    assert px == pytest.approx(12.0)


def test_wide_figure_is_shrunk_to_the_column():
    figure, ax = plt.subplots(figsize=(16, 4), layout="constrained")
    ax.set_xlabel("label", fontsize=10)
    try:
        scale = displayed_scale(figure, column_px=736)
        width_px = figure.get_tightbbox().width * CSS_PX_PER_INCH
        # A 16 inch figure is about 1,536 px wide: shown at about half size.
        assert 0.45 < scale < 0.5
        assert scale == pytest.approx(736 / width_px)
        px, _ = smallest_text_px(figure)
        assert px < 11
        assert any("px on screen" in p for p in layout_problems(figure))
    finally:
        plt.close(figure)


def test_phone_column_shrinks_further(fig):
    fig.axes[0].set_xlabel("label", fontsize=10)
    assert displayed_scale(fig, column_px=358) < 1.0


def test_tick_labels_outside_the_view_are_not_counted(fig):
    from analysis.charts.layout import text_boxes

    ax = fig.axes[0]
    ax.plot([0, 1], [0, 1])
    drawn = [b.text for b in text_boxes(fig)]
    # matplotlib keeps ticks at -0.2 and 1.2 but draws only those inside [0, 1].
    assert "−0.2" not in drawn and "1.2" not in drawn
    assert "0.0" in drawn


def _busy_figure():  # noqa: ANN202 - a matplotlib Figure
    """A figure whose layout depends on its texts: constrained layout, a long title, rotated and
    log-scale ticks, a legend, an annotation and a second axes."""
    figure, (left, right) = plt.subplots(1, 2, figsize=(6, 3), layout="constrained")
    left.bar(["Armenia", "Belarus", "Kazakhstan"], [3, 5, 8], label="requests")
    left.tick_params(axis="x", labelrotation=30)
    left.legend(loc="upper left")
    left.annotate("one mission", xy=(2, 8), xytext=(0.5, 7), arrowprops={"arrowstyle": "->"})
    right.plot([1, 10, 100, 1000], [1, 2, 3, 4])
    right.set_xscale("log")
    figure.suptitle("A title long enough to move the axes down when it wraps\nonto a second line")
    return figure


def test_text_boxes_without_painting_are_those_of_a_full_draw():
    # text_boxes lays the figure out without painting it; its boxes must be those a full draw
    # gives, on a fresh copy of the same figure.
    from analysis.charts import layout

    painted, laid_out = _busy_figure(), _busy_figure()
    try:
        painted.canvas.draw()
        after_draw = [(b.text, tuple(b.box.bounds))
                      for b in layout._boxes(painted, painted.canvas.get_renderer())]
        without = [(b.text, tuple(b.box.bounds)) for b in layout.text_boxes(laid_out)]
        assert len(after_draw) > 10 and without == after_draw
    finally:
        plt.close(painted)
        plt.close(laid_out)


# --- one visual language: hatching and keys (analysis.charts.language.style_problems) -------

from matplotlib.patches import Patch  # noqa: E402

from analysis.charts.language import (  # noqa: E402
    chart_problems,
    redundant_hatches,
    style_problems,
    unexplained_colours,
)
from analysis.charts.style import ALLIANCE_STYLE, PALETTE, STATUS_STYLE  # noqa: E402

CSTO, NATO = ALLIANCE_STYLE["CSTO"]["color"], ALLIANCE_STYLE["NATO"]["color"]


def _bars(ax, styles):
    """One bar per (colour, hatch), labelled for a legend."""
    for i, (colour, hatch) in enumerate(styles):
        ax.bar(i, 1 + i, color=colour, hatch=hatch, label=f"bar {i}")


def test_a_hatch_on_a_colour_that_tells_the_category_is_found(fig):
    ax = fig.axes[0]
    _bars(ax, [(CSTO, "//"), (NATO, None)])
    ax.legend()
    assert redundant_hatches(fig) == [CSTO.lower()]
    assert any("hatched" in p for p in style_problems(fig))
    assert any("hatched" in p for p in chart_problems(fig))


def test_a_hatch_that_tells_apart_two_categories_of_one_colour_is_kept(fig):
    ax = fig.axes[0]
    green = STATUS_STYLE["partner"]["color"]
    _bars(ax, [(green, None), (green, STATUS_STYLE["partner_suspended"]["hatch"]), (NATO, None)])
    ax.legend()
    assert redundant_hatches(fig) == []


def test_a_hatch_on_a_grey_or_white_fill_is_not_a_colour_code(fig):
    ax = fig.axes[0]
    _bars(ax, [("#FFFFFF", "////"), ("#EEEEEE", "xx"), (NATO, None)])
    assert redundant_hatches(fig) == []


def test_a_legends_own_hatched_patches_are_not_counted_twice(fig):
    ax = fig.axes[0]
    _bars(ax, [(CSTO, None), (NATO, None)])
    ax.legend(handles=[Patch(facecolor=CSTO, hatch="//", label="CSTO"),
                       Patch(facecolor=NATO, label="NATO")])
    assert redundant_hatches(fig) == []


def test_two_colours_without_a_key_are_found(fig):
    # The intro's headline chart: three colours (less, same, more than asked) and no key.
    ax = fig.axes[0]
    _bars(ax, [(CSTO, None), (NATO, None), (PALETTE["green"], None)])
    assert unexplained_colours(fig) == sorted(c.lower() for c in (CSTO, NATO, PALETTE["green"]))
    assert any("no key" in p for p in style_problems(fig))


def test_a_legend_is_a_key(fig):
    ax = fig.axes[0]
    _bars(ax, [(CSTO, None), (NATO, None)])
    ax.legend()
    assert style_problems(fig) == []


def test_labels_in_each_colour_are_a_key(fig):
    ax = fig.axes[0]
    _bars(ax, [(CSTO, None), (NATO, None)])
    ax.text(0, 1.1, "CSTO", color=CSTO)
    assert unexplained_colours(fig) == [NATO.lower()]
    ax.text(1, 2.1, "NATO", color=NATO)
    assert unexplained_colours(fig) == []


def test_a_hand_drawn_key_explains_only_the_colours_it_shows(fig):
    from analysis.charts.language import KEY_GID

    ax = fig.axes[0]
    _bars(ax, [(CSTO, None), (NATO, None)])
    (glyph,) = ax.plot(0.2, 2.5, marker="o", linestyle="", color=CSTO)
    glyph.set_gid(KEY_GID)
    ax.text(0.3, 2.5, "CSTO")
    assert unexplained_colours(fig) == [NATO.lower()]
    (other,) = ax.plot(1.2, 2.5, marker="s", linestyle="", color=NATO)
    other.set_gid(KEY_GID)
    assert unexplained_colours(fig) == []


def test_one_colour_and_greys_need_no_key(fig):
    ax = fig.axes[0]
    _bars(ax, [(NATO, None), (PALETTE["grey"], None), ("#333333", None)])
    ax.plot([0, 1], [1, 2], color="black")
    assert unexplained_colours(fig) == []


def test_a_colour_bar_is_a_key(fig):
    ax = fig.axes[0]
    mesh = ax.pcolormesh([[0, 1], [2, 3]], cmap="cividis")
    ax.scatter([0.5, 1.5], [0.5, 1.5], color=[CSTO, NATO])
    assert unexplained_colours(fig) != []
    fig.colorbar(mesh, ax=ax)
    assert unexplained_colours(fig) == []


def test_a_closed_figure_is_checked_too():
    figure, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    ax.text(0.30, 0.5, "Kok-Tash", transform=ax.transAxes)
    ax.text(0.32, 0.5, "Kok-Tash", transform=ax.transAxes)
    plt.close(figure)  # as the facts tests' fixture does once a figure is drawn
    assert collisions(figure) == [("Kok-Tash", "Kok-Tash")]


def test_the_exponent_of_a_log_axis_label_is_measured_at_its_drawn_size(fig):
    # A tick label "10^3" draws its exponent at 70% of 12 pt: 8.4 pt, 11.2 px.
    ax = fig.axes[0]
    ax.set_xlabel("plain", fontsize=12)
    ax.tick_params(labelsize=12)
    ax.set_title(r"$10^{3}$", fontsize=12)
    px, text = smallest_text_px(fig)
    assert text == r"$10^{3}$" and px == pytest.approx(12 * 0.7 * 96 / 72)
    ax.set_title(r"costs \$3 and \$4", fontsize=12)  # dollars, not mathtext
    assert smallest_text_px(fig)[0] == pytest.approx(12 * 96 / 72)


def test_a_marker_counts_in_the_colour_it_is_drawn_in_not_its_lines(fig):
    # One point per call, its marker hollow and vermillion: the cycle's colour of the line
    # (never drawn, a single point) is not a colour of the chart.
    ax = fig.axes[0]
    for y in range(4):
        ax.plot(0, y, "o", mfc="none", mec=CSTO)
    assert unexplained_colours(fig) == []
    ax.plot([0, 1], [0, 1], color=NATO)  # a drawn line in a second colour
    assert unexplained_colours(fig) == sorted([CSTO.lower(), NATO.lower()])
