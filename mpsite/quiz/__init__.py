"""Self-test quizzes: ``quizzes/*.yml`` -> checked models -> HTML blocks, hub list and exports.

Plain modules with no MkDocs import; ``hooks/quiz_hook.py`` only adapts MkDocs events to them.
"""
from .model import Question, Quiz, load_dir, load_file

__all__ = ["Question", "Quiz", "load_dir", "load_file"]
