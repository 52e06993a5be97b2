"""The command line's commands that grew a module each: check, its reports, project defaults."""
