"""`python -m designer` runs the command line."""

import sys

from designer.cli import main

sys.exit(main())
