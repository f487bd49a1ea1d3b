"""Test data and helpers that the tests and the benchmarks share (docs/architecture.md).

A package of the checkout, beside tests/ and bench/, that setup.cfg does not ship: pytest
finds it because it puts the checkout's root on sys.path (tests/ is a package), and the
bench scripts put the root there themselves. It imports the application (timeline, web)
and nothing from tests/ or bench/, so both can use it.

- events: builders of DateSpans, Events, documents and StoredEvents, without the pipeline;
- handmade: a small document every web test knows by heart;
- feed_events: stored events in the shapes the feeds must render;
- corpus: a province's worth of generated events (the scale benchmarks);
- stores: databases migrated and filled through the real store;
- documents: PDF and Word files written at test time (the readers);
- processes: free ports and stopping servers.
"""
