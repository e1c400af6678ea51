"""`python -m paperkg`."""

from paperkg.cli import main

if __name__ == "__main__":
    main()
