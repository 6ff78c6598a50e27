"""People and organisations: the list, the person form and the person view."""
