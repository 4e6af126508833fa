// Store: GRDB AppDatabase (channels, rundown versions, audit and as-run logs).
