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
