"""Placeholder until its engine lands: registered in mkdocs.yml so the hook list is stable."""
