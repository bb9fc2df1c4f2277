"""Subcommands of the ``follicle`` command, one module each. Each handler takes the parsed
arguments and the output and error streams and returns the exit code."""
