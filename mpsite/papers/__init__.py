"""Exam papers from the quiz bank: a config under ``quizzes/papers/`` -> versions A and B (the same
questions, shuffled order and options), answer keys and score sheets as A4 PDFs.

``config`` checks the file, ``draw`` picks and shuffles (deterministic for a seed), ``documents``
adds the print documents to a handout edition (``provide`` for ``extras.PROVIDERS``);
``python -m mpsite.papers`` renders them alone (``make paper``). No MkDocs import.
"""
from .config import PaperConfig, load_config, paper_files
from .documents import add_papers, load_papers, provide
from .draw import VERSIONS, Item, Paper, Version, build

__all__ = ["VERSIONS", "Item", "Paper", "PaperConfig", "Version", "add_papers", "build", "load_config",
           "load_papers", "paper_files", "provide"]
