"""The trash page: deleted records, restored with their links or emptied for good."""
