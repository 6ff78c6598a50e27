"""The frozen build's entry point: the same `satchel` command as the console script."""

import sys

from satchel.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
