"""Working with colleagues: identity cards and colleagues, bundle export and import."""
