"""Errors a user can act on: the CLI prints them as one line and exits non-zero."""


class UserError(Exception):
    """Bad input, configuration or environment, reported as one clear line."""

    exit_code = 1


class NothingBuilt(UserError):
    """No paper could be read from the given input."""

    exit_code = 2
