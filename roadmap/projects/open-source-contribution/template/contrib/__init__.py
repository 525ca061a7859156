"""A local stand-in for the CI of a pull request to metrix (GIVEN)."""
