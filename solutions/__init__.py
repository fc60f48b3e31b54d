"""Reference solutions of the exercises. Open these only on purpose: try first!"""
