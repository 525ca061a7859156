"""Face recognition on procedurally drawn faces: Haar detection, triplet-loss embeddings, a
SQLite database, liveness, security and a FastAPI interface. Run ``python -m facerec --help``.
"""
