"""Item sharing and stackability: duplicates, overlaps between programs, learner pathways."""
