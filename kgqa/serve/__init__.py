"""The REST service and web page (``kgqa serve``); needs the ``serve`` extra (FastAPI,
uvicorn). See :mod:`kgqa.serve.app`."""
