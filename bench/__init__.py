"""Benchmarks at library scale: run with `make bench` (see docs/benchmarks.md)."""
