"""``python -m geotimeline`` is the ``geotimeline`` command."""

import sys

from geotimeline.cli import main

sys.exit(main())
