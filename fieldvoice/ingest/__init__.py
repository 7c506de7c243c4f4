"""Ingest: read field exports in every dialect and load them, with lineage, into the `raw` schema."""
