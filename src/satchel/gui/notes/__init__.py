"""Notes of a case: plain text or Markdown, rendered safely."""
