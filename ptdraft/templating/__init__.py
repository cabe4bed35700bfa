"""Templates: filling one with a draft's values (render), their files (TOML), the check before one is used, error lines, the Jinja sandbox and its limits, a draft saved as a template."""
