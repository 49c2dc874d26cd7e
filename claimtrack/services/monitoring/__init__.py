"""Monitoring: watched feeds and sitemaps (`sources`), polling them (`poll`), the alerts raised
when a checked claim is seen again (`alerts`), the desk's alert feed token and daily digest
(`digest`)."""
