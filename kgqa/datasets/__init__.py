"""Readers of the datasets kgqa trains, indexes and evaluates on: PubTator corpora
(NCBI-disease, BC5CDR), MedQuAD, phenopackets and real consumer questions (MeQSum). Every
reader returns typed records and raises :class:`~kgqa.errors.DataError` on malformed input."""
