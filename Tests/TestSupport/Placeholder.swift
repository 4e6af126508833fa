// Test helpers shared by SREtv's test targets.
