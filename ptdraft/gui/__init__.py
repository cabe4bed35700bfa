"""The PySide6 window. Qt lives only in this package."""
