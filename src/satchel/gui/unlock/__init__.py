"""Getting into a vault: the unlock screen and the create-vault wizard."""
