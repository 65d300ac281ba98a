"""Benchmarks: engine latency at several knowledge-base sizes against scan baselines, start-up
and memory of the real `python -m bot`, and (later) end-to-end throughput.

Run `python -m bench` (full) or `python -m bench --quick [--json]`. Nothing here is imported by
the bot, and no test asserts a speed: the numbers are for people to read.
"""
