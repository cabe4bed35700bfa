"""The draft on disk: atomic writes and readable checks, the draft file (JSON) and its schema, files held open."""
