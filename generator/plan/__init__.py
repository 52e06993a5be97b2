"""The deck plan: geometry, measuring, line breaking and fitting, decided once for every format.

Importing the package loads nothing: each module is imported where it is used, so a command that
needs one piece of the plan does not pay for Pillow, HarfBuzz or the graph layout.
"""
