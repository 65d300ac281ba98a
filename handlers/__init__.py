"""Between the domain (knowledge) and the platforms: the conversation service (service.py),
the stores (stores/), the button codec, the splitter, the metrics and the shared notices, and
one subpackage per platform (telegram/, whatsapp/). Nothing here imports `bot`.
"""
