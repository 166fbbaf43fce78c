"""Qt drawing shared by the screen and paper: marks, clusters, lanes and the axis.

Both the timeline widget (``ui``) and the printed timeline (``export``) paint
with this, so neither imports the other; it knows no database.
"""
