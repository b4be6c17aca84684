"""Plain logic behind the training site: no module here imports MkDocs.

The hooks in ``hooks/`` adapt MkDocs events to these functions, so each piece can
be tested on its own and moved to another generator with a thin adapter.
"""
