"""Training: one module per trained model, seeded and reproducible (``kgqa train ...``)."""
