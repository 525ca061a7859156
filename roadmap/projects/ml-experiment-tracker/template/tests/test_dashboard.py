"""Milestone 4 (part 1): the HTML dashboard that compares runs."""

from html.parser import HTMLParser

from fastapi.testclient import TestClient

from tests.helpers import populate
from tracker.api import create_app
from tracker.store import Store


class PageReader(HTMLParser):
    """Collects the run rows (cells with their class and data attributes) and the charts."""

    def __init__(self):
        super().__init__()
        self.rows = {}  # run id -> list of (attrs, text)
        self.charts = {}  # metric -> {polyline data-run label: [(x, y), ...]}
        self._row = None
        self._cell = None
        self._chart = None
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "tr" and "data-run-id" in attrs:
            self._row = self.rows.setdefault(int(attrs["data-run-id"]), [])
        elif tag == "td" and self._row is not None:
            self._cell = [attrs, ""]
        elif tag == "svg" and "data-metric" in attrs:
            self._chart = self.charts.setdefault(attrs["data-metric"], {})
        elif tag == "polyline" and self._chart is not None:
            points = [tuple(float(c) for c in pair.split(","))
                      for pair in (attrs.get("points") or "").split()]
            self._chart[attrs.get("data-run")] = points

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self._row.append((self._cell[0], self._cell[1].strip()))
            self._cell = None
        elif tag == "tr":
            self._row = None
        elif tag == "svg":
            self._chart = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data


def read_page(html):
    reader = PageReader()
    reader.feed(html)
    return reader


def metric_cells(row):
    return {attrs["data-metric"]: (text, attrs.get("class", "").split())
            for attrs, text in row if "data-metric" in attrs}


def test_dashboard_compares_runs(tmp_path):
    store = Store(tmp_path / "runs.db")
    ids = populate(store)
    response = TestClient(create_app(tmp_path / "runs.db")).get("/")
    assert response.status_code == 200, f"GET / should serve the dashboard, got {response.status_code}"
    assert response.headers["content-type"].startswith("text/html")
    page = read_page(response.text)

    assert sorted(page.rows) == sorted(ids.values()), (
        f"expected one <tr data-run-id=...> per run {sorted(ids.values())}, found {sorted(page.rows)}")
    small = page.rows[ids["small"]]
    texts = [text for _, text in small]
    assert "small" in texts and "cnn" in texts and "finished" in texts and "1111111" in texts, (
        f"the row should show name, experiment, status and the short commit; got {texts}")
    params = {attrs["data-param"]: text for attrs, text in small if "data-param" in attrs}
    assert params == {"layers": "", "lr": "0.1", "max_depth": "", "optimizer": "sgd"}, (
        f"one param cell per key of any run, empty when missing; got {params}")

    cells = {name: metric_cells(page.rows[run_id]) for name, run_id in ids.items()}
    assert cells["small"]["loss"][0] == "0.5" and cells["large"]["loss"][0] == "0.25", (
        "metric cells show the last value formatted with :.4g")
    assert cells["tree"]["loss"] == ("", ["metric"]), "a missing metric is an empty cell"
    assert "best" in cells["large"]["loss"][1] and "best" not in cells["small"]["loss"][1], (
        "for a loss, the lowest value is the best")
    assert "best" in cells["large"]["accuracy"][1], "for accuracy, the highest value is the best"
    assert "best" not in cells["tree"]["accuracy"][1] and "best" not in cells["small"]["accuracy"][1]

    assert set(page.charts) == {"accuracy", "loss"}, f"one chart per metric, found {set(page.charts)}"
    assert sorted(page.charts["loss"]) == sorted([f"#{ids['small']} small", f"#{ids['large']} large"]), (
        f"the loss chart should have one line per run that logged loss, got {list(page.charts['loss'])}")
    assert len(page.charts["accuracy"]) == 3

    # The lines must draw the runs' histories: one point per logged step, steps left to right,
    # a higher value higher up (SVG's y grows downwards), on one scale for the whole chart.
    for metric, lines in page.charts.items():
        drawn = []
        for label, points in lines.items():
            run_id = int(label.split()[0].lstrip("#"))
            history = store.metric_history(run_id, metric)
            assert len(points) == len(history), (
                f"the {metric} line of {label} has {len(points)} points, but the run logged "
                f"{len(history)} steps: pass svg_chart the whole metric_history")
            xs = [x for x, _ in points]
            assert xs == sorted(xs), f"the {metric} line of {label} should run left to right by step"
            drawn += [(point["value"], y) for point, (_, y) in zip(history, points)]
        for (v1, y1) in drawn:
            for (v2, y2) in drawn:
                assert not (v1 < v2 and y1 <= y2), (
                    f"in the {metric} chart the value {v2} is drawn no higher than {v1}: the "
                    "points do not follow the logged values")


def test_dashboard_escapes_html_and_filters(tmp_path):
    store = Store(tmp_path / "runs.db")
    evil = store.create_run("web", "<script>alert('x')</script>")
    store.log_param(evil, "note", "<b>bold</b> & more")
    store.log_metric(evil, "loss", 0.5, 0)
    other = store.create_run("other", "plain")
    api = TestClient(create_app(tmp_path / "runs.db"))
    html = api.get("/").text
    assert "<script>" not in html and read_page(html).scripts == 0, (
        "text from the database must be escaped (html.escape), or a run name can inject a script")
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html
    filtered = read_page(api.get("/", params={"experiment": "other"}).text)
    assert list(filtered.rows) == [other], "GET /?experiment=other should show only that experiment"
