"""Neural style transfer (Gatys et al.): content and style losses on a CNN's activations, an
optimisation loop over the pixels, several generated artworks, and a web page that shows the
image while it is being painted. ``python -m stylize`` runs it; ``python -m pytest`` checks it.
"""
