"""Cases: the list, the case form and the case view with its tabs."""
