"""ptdraft: drafting Vietnamese administrative documents in the format of Nghị định 30/2020/NĐ-CP.

The core (everything outside ``ptdraft.gui``) never imports Qt. The GUI and the
command line talk to it through :mod:`ptdraft.api`.
"""

__version__ = "0.1.0"
