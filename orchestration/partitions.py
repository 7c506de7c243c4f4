"""One partition = one landing-zone day folder (`<landing>/YYYY-MM-DD/`)."""

import dagster as dg

from fieldvoice.settings import Settings

daily_partitions = dg.DailyPartitionsDefinition(
    start_date=Settings.from_env().partitions_start.isoformat(),
    end_offset=1,  # today's folder fills during the day; the sensor may ingest it before midnight
)
