"""The shared core: records, errors and the one home for identifiers, dates and text."""
