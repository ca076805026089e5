"""Evaluation: datasets, metrics and reports."""
