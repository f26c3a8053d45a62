"""Who is who: the actors of a story, each with every mention and each outlet's labels.

``resolve`` runs the stages (see ``resolve.py``); ``aliases`` holds the alias table,
``names`` and ``matching`` how names are compared.
"""

from newsprism.analyze.entities.resolve import resolve

__all__ = ["resolve"]
