"""Charts for the admin's instruments, drawn on the server as SVG: nothing for a browser to
load, nothing from a CDN, readable without JavaScript.

A :class:`Chart` holds the labels of its x axis (days, months) and one or more
:class:`Series` of numbers. ``{% chart chart %}`` (``portal_tags``) draws it with the
template ``portal/includes/chart.html``: bars for one series, lines for several, with a
legend, and always the same numbers in a table beside it (the chart is ``aria-hidden``; the
table, with the chart's title as its caption, is what a screen reader reads).
"""

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format

WIDTH = 640
HEIGHT = 220
LEFT = 64  # room for the y axis' numbers
BOTTOM = 28  # room for the x axis' labels
TOP = 10
RIGHT = 8
MAX_X_LABELS = 7


@dataclass
class Series:
    """One line (or the bars) of a chart: a name for its legend, a number per x label."""

    name: str
    values: list


@dataclass
class Chart:
    """A chart of ``series`` over ``labels``; ``compact`` draws a small one (a sparkline
    with its table, each line on its own scale), for a row of a list."""

    title: str
    labels: list
    series: list = field(default_factory=list)
    compact: bool = False

    @property
    def width(self):
        """The drawing's width in SVG units."""
        return 160 if self.compact else WIDTH

    @property
    def height(self):
        """The drawing's height in SVG units."""
        return 40 if self.compact else HEIGHT

    @property
    def margins(self):
        """Left, top, right, bottom: a compact chart has no axes."""
        return (2, 2, 2, 2) if self.compact else (LEFT, TOP, RIGHT, BOTTOM)

    @property
    def empty(self):
        """True when every value is 0 (the chart says there is nothing to show)."""
        return not any(any(series.values) for series in self.series)

    @property
    def top_value(self):
        """The y axis' top: the largest value rounded up to a readable number."""
        largest = max((max(s.values, default=0) for s in self.series), default=0)
        return nice_ceiling(largest)

    def rows(self):
        """The table's rows: each x label with its value in every series."""
        return [
            (label, [series.values[i] for series in self.series])
            for i, label in enumerate(self.labels)
        ]

    def totals(self):
        """Each series' sum, for the table's last row."""
        return [sum(series.values) for series in self.series]

    def drawing(self):
        """Everything the template draws, in SVG user units."""
        left, top, right, bottom = self.margins
        inner_w = self.width - left - right
        inner_h = self.height - top - bottom
        count = max(len(self.labels), 1)
        step = inner_w / count
        top_value = self.top_value or 1

        def y_of(value, scale=top_value):
            return round(top + inner_h - inner_h * value / scale, 1)

        drawing = {"bars": [], "lines": [], "grid": [], "x_labels": []}
        if len(self.series) == 1:
            gap = min(step * 0.2, 4)
            for i, value in enumerate(self.series[0].values):
                y = y_of(value)
                drawing["bars"].append(
                    {
                        "x": round(left + i * step + gap / 2, 1),
                        "y": y,
                        "width": round(max(step - gap, 1), 1),
                        "height": round(top + inner_h - y, 1),
                    }
                )
        else:
            for index, series in enumerate(self.series):
                # A compact chart has no axis to read: each line shows its own shape, on its
                # own scale (its numbers are in the table).
                scale = (max(series.values, default=0) or 1) if self.compact else top_value
                points = " ".join(
                    f"{round(left + (i + 0.5) * step, 1)},{y_of(value, scale)}"
                    for i, value in enumerate(series.values)
                )
                drawing["lines"].append({"index": index, "name": series.name, "points": points})
        if not self.compact:
            parts = 4 if top_value % 4 == 0 else 2 if top_value % 2 == 0 else 1
            for part in range(parts + 1):
                value = top_value * part // parts
                drawing["grid"].append(
                    {"y": y_of(value), "label": number_format(value, force_grouping=True)}
                )
            every = max(1, math.ceil(count / MAX_X_LABELS))
            for i, label in enumerate(self.labels):
                if i % every == 0:
                    drawing["x_labels"].append(
                        {"x": round(left + (i + 0.5) * step, 1), "label": label}
                    )
        drawing["baseline"] = top + inner_h
        drawing["left"] = left
        drawing["right"] = self.width - right
        drawing["label_y"] = self.height - 8
        return drawing


def nice_ceiling(value):
    """The smallest of 1, 2, 4, 5 times a power of ten that is at least ``value`` (4 for 4,
    50 for 42, 400 for 203), so the axis reads in round numbers; 0 for 0."""
    if value <= 0:
        return 0
    if value <= 4:
        return math.ceil(value)
    power = 10 ** math.floor(math.log10(value))
    for factor in (1, 2, 4, 5, 10):
        if value <= factor * power:
            return factor * power
    return 10 * power
