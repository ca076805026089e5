"""Answering: graph candidates for what a question asks, evidence (triples and passages),
and a fine-tuned verifier that scores each candidate."""
