"""The benchmark (``make bench``, ``python -m bench``): tooling beside ``tests/``, not part of the
installed ``mpsite`` package. ``run`` prints the figure table, ``handouts`` measures the PDF engine,
``hook_timer`` times our hook code inside one build."""
