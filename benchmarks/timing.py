"""Shared by the benchmark scripts: median and 95th percentile, and the two tables they print."""
from __future__ import annotations

import statistics


def median_p95_ms(samples_ns: list[int]) -> tuple[float, float]:
    """Median and 95th percentile of nanosecond samples, in milliseconds."""
    ordered = sorted(samples_ns)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) / 1e6, p95 / 1e6


def print_tables(rows, stages, runs: int, command_label: str, command_samples, command_runs: int,
                 command_text: str) -> None:
    """The in-process table (one row per ``(label, key)`` of ``stages``) and the whole-command table."""
    width = max(len(label) for label, _key in rows + [(command_label, "")]) + 2
    print(f"| {'In-process, ' + str(runs) + ' runs':<{width}} | median ms | p95 ms |")
    print(f"|{'-' * (width + 2)}|----------:|-------:|")
    for label, key in rows:
        median, p95 = median_p95_ms(stages[key])
        print(f"| {label:<{width}} | {median:9.2f} | {p95:6.2f} |")
    median, p95 = median_p95_ms(command_samples)
    print()
    print(f"| {'Whole command, ' + str(command_runs) + ' runs':<{width}} | median ms | p95 ms |")
    print(f"|{'-' * (width + 2)}|----------:|-------:|")
    print(f"| {command_label:<{width}} | {median:9.0f} | {p95:6.0f} |")
    print()
    print(f"Command: {command_text}")
