"""Drawing the wheel: geometry (core) + PNG (Pillow) + SVG, per view, on a half-done demo cycle; and the
calendar feeds and the status page, for scale. Aim: one wheel (geometry + PNG) under 150 ms.

    python -m bench.wheel_bench              # 100 runs of each
    python -m bench.wheel_bench --runs 20

See docs/benchmarks.md for the figures.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from adapters.web.ics import render_ics
from adapters.web.wheel_png import render_png
from adapters.web.wheel_svg import render_svg
from bot.shown.feeds import feed_events, feed_title
from bot.shown.web_links import feed_by_name
from bot.shown.wheel_picture import build_picture
from tests.driver import make_bot, oslo, record_all_preconditions
from tests.helpers import status_page_html


def measure(label: str, work: Callable[[], object], *, runs: int) -> str:
    """Wall time and CPU time of this process: on a shared machine the CPU time is the drawing's own cost."""
    work()  # the first call loads fonts and templates: start-up, not a drawing
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return (
        f"| {label} | {statistics.median(times):.1f} | {p95:.1f} | {times[-1]:.1f} | "
        f"{statistics.median(cpu):.1f} | {runs} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    runs = parser.parse_args().runs
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    for person in ("kari", "ola", "siri"):
        bot.say("signer agder 2027", as_=person)
    bot.say("dato vår 22. april kl 10")
    core, today = bot.core, bot.clock.now().date()

    def geometry(view: str) -> Callable[[], object]:
        params = {"view": view, "region": "agder", "year": "2027"}
        return lambda: build_picture(config=core.config, state=core.state, params=params, today=today)

    print("| what | median ms | p95 ms | max ms | CPU median ms | runs |")
    print("|---|---|---|---|---|---|")
    for view in ("region", "nation", "heatmap"):
        make = geometry(view)
        drawing = make()
        print(measure(f"{view}: geometry", make, runs=runs))
        print(measure(f"{view}: geometry + PNG 1200×1200 (one wheel)", lambda m=make: render_png(m()), runs=runs))
        print(measure(f"{view}: SVG only", lambda d=drawing: render_svg(d), runs=runs))
    for name in ("agder", "in", "nasjonal"):
        feed = feed_by_name(core.config, name)
        assert feed is not None

        def ics(feed=feed) -> bytes:
            events = feed_events(config=core.config, state=core.state, feed=feed, today=today)
            return render_ics(
                title=feed_title(core.config, feed), events=events, now=core.clock.now(), tz_name="Europe/Oslo"
            )

        print(measure(f"feed {name}.ics (3 years)", ics, runs=max(5, runs // 5)))
    print(
        measure("status page, national", lambda: status_page_html(core, region=None, year=2027), runs=max(5, runs // 5))
    )
    print(
        measure(
            "status page, Agder",
            lambda: status_page_html(core, region="agder", year=2027),
            runs=max(5, runs // 5),
        )
    )


if __name__ == "__main__":
    main()
