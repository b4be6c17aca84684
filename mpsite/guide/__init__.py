"""Decision guides (the mandatory-reporting guide): ``data/*.yml`` -> checked models -> HTML
(an interactive guide that is a complete flowchart without JavaScript) and a one-page print
flowchart. Plain modules with no MkDocs import; ``hooks/guide_hook.py`` adapts the events."""
from .model import Action, Guide, Question, load_all, load_file

__all__ = ["Action", "Guide", "Question", "load_all", "load_file"]
