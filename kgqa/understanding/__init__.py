"""Question understanding: what a question asks (a fine-tuned classifier) and claim parsing."""
