"""Travel mode in the client: leave cases behind for a border crossing, bring them back after."""
