"""What an office shares: the template library, the outgoing register, the office profile, snippets."""
