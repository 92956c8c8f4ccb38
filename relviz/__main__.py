"""``python -m relviz``: the same as the ``relviz`` command."""

import sys

from relviz.cli import main

sys.exit(main())
