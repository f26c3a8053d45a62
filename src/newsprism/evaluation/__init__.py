"""Quality measures shared by the benchmark scripts and the quality-gate tests."""
