"""Templates: their files (TOML), error lines, the Jinja sandbox and its limits, a draft saved as a template."""
