"""Allow ``python -m follicle`` as well as the installed ``follicle`` command."""

from follicle.cli import main

raise SystemExit(main())
