import sys

from ptdraft.cli import main

sys.exit(main())
