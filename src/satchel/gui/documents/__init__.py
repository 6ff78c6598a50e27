"""Documents kept in the vault: the documents panel and the in-app viewer that reads from memory."""
