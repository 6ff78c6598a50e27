"""Fictional data: the demo and benchmark vaults and the duress decoy. Never real people."""
