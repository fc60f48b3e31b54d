"""Exercise checks, one module per notebook (``nb00``, ``nb01``, ...).

Each check takes the learner's answer and returns a :class:`helpers.exercises.feedback.Feedback`
(shown as "Right" or "Not yet" with a hint). A check never raises on learner
input: an unfilled starter (``...`` or ``None``) gives "Not yet". Reference
solutions live in the repository's ``solutions/`` folder, which the unit tests
run every check against.
"""
