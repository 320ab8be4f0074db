"""The legacy behaviour: one module per concern, each exposing ``patches()``.

``installer.py`` finds the modules here and collects what each patches; the
modules themselves stand on ``state.py`` and ``warnings.py`` only.
"""
