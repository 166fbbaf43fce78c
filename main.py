#!/usr/bin/env python3
"""Briefing app: the GUI with no arguments, command-line tools with a subcommand.

python3 main.py            open the app (sets up .venv on first use)
python3 main.py test       run the whole test suite
python3 main.py package    build the app into dist/briefing-chronology/
python3 main.py --help     list the subcommands
"""

import sys

from briefing_app.bootstrap import ensure_environment, run_package, run_tests

if __name__ == "__main__":
    args = sys.argv[1:]
    ensure_environment(args)
    from_source = not getattr(sys, "frozen", False)  # a built app has no suite, builds nothing
    if from_source and args[:1] == ["test"]:
        sys.exit(run_tests(args[1:]))
    if from_source and args[:1] == ["package"]:
        sys.exit(run_package(args[1:]))
    from briefing_app.cli import main

    sys.exit(main(args))
