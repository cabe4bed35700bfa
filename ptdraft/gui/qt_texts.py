"""Qt's own texts in the interface language: the file dialog Qt draws itself, its overwrite question, the print
dialog, the standard buttons and the right-click menu of every text field.

PySide6 ships no Vietnamese translation of Qt (no qtbase_vi.qm in PySide6/Qt/translations), so a translator
installed on the application answers Qt's requests for the texts listed here from ptdraft's own catalog
(resources/locale/vi/LC_MESSAGES/ptdraft.po), where they are translated like every other message. On Windows
the file and print dialogs are the system's own and follow the system's language; Qt draws its own where the
system has none (and in the tests).
"""
from __future__ import annotations

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from ptdraft.gui import i18n


def _(message: str) -> str:
    """Marks a message for the catalog (scripts/update_catalog.py); it is translated when Qt asks for it."""
    return message


# Qt's context → {Qt's English text: the catalog's message}. The message is Qt's text unless that text already
# means something else in ptdraft's catalog ("Type" is a document's type there, a file's type here).
QT_TEXTS: dict[str, dict[str, str]] = {
    "QFileDialog": {
        "&Look in:": _("&Look in:"),
        "File &name:": _("File &name:"),
        "Files of &type:": _("Files of &type:"),
        "Directory:": _("Directory:"),
        "&Open": _("&Open"),
        "&Save": _("&Save"),
        "&Choose": _("&Choose"),
        "Open": _("Open"),
        "Save As": _("Save As"),
        "Find Directory": _("Find Directory"),
        "Directories": _("Directories"),
        "Files": _("Files"),
        "All Files (*)": _("All Files (*)"),
        "Back": _("Back"),
        "Forward": _("Forward"),
        "Parent Directory": _("Parent Directory"),
        "Create New Folder": _("Create New Folder"),
        "Create a New Folder": _("Create a New Folder"),
        "List View": _("List View"),
        "Detail View": _("Detail View"),
        "Go back": _("Go back"),
        "Go forward": _("Go forward"),
        "Go to the parent directory": _("Go to the parent directory"),
        "Change to list view mode": _("Change to list view mode"),
        "Change to detail view mode": _("Change to detail view mode"),
        "List of places and bookmarks": _("List of places and bookmarks"),
        "Sidebar": _("Sidebar"),
        "Recent Places": _("Recent Places"),
        "My Computer": _("My Computer"),
        "Show &hidden files": _("Show &hidden files"),
        "&New Folder": _("&New Folder"),
        "New Folder": _("New Folder"),
        "&Rename": _("&Rename"),
        "&Delete": _("&Delete"),
        "%1 already exists.\nDo you want to replace it?": _("%1 already exists.\nDo you want to replace it?"),
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            _("%1\nFile not found.\nPlease verify the correct file name was given."),
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            _("%1\nDirectory not found.\nPlease verify the correct directory name was given."),
        "Are you sure you want to delete '%1'?": _("Are you sure you want to delete '%1'?"),
        "'%1' is write protected.\nDo you want to delete it anyway?":
            _("'%1' is write protected.\nDo you want to delete it anyway?"),
        "Could not delete directory.": _("Could not delete directory."),
    },
    "QFileSystemModel": {
        "Name": _("Name"),
        "Size": _("Size"),
        "Type": _("File type"),
        "Kind": _("File type"),
        "Date Modified": _("Date Modified"),
        "Computer": _("My Computer"),
        "My Computer": _("My Computer"),
    },
    "QAbstractFileIconProvider": {
        "Drive": _("Drive"),
        "Folder": _("Folder"),
        "File": _("File"),
        "%1 File": _("%1 File"),
        "Unknown": _("Unknown"),
    },
    "QPlatformTheme": {
        "OK": _("OK"),
        "Save": _("Save"),
        "Save All": _("Save All"),
        "Open": _("Open"),
        "&Yes": _("&Yes"),
        "Yes to &All": _("Yes to &All"),
        "&No": _("&No"),
        "N&o to All": _("N&o to All"),
        "Abort": _("Abort"),
        "Retry": _("Retry"),
        "Ignore": _("Ignore"),
        "Close": _("Close"),
        "Cancel": _("Cancel"),
        "Discard": _("Discard"),
        "Help": _("Help"),
        "Apply": _("Apply"),
        "Reset": _("Reset"),
        "Restore Defaults": _("Restore Defaults"),
    },
    "QMessageBox": {
        "Show Details...": _("Show Details..."),
        "Hide Details...": _("Hide Details..."),
    },
    "QPrintDialog": {
        "Print": _("Print"),
        "&Print": _("&Print"),
        "&Options >>": _("&Options >>"),
        "&Options <<": _("&Options <<"),
        "Print to File (PDF)": _("Print to File (PDF)"),
        "Local file": _("Local file"),
        "Write PDF file": _("Write PDF file"),
        "All Pages": _("All Pages"),
        "Odd Pages": _("Odd Pages"),
        "Even Pages": _("Even Pages"),
    },
    "QPrintSettingsOutput": {
        "Copies": _("Copies"),
        "Copies:": _("Copies:"),
        "Collate": _("Collate"),
        "Reverse": _("Reverse"),
        "Options": _("Options"),
        "Color Mode": _("Color Mode"),
        "Color": _("Color"),
        "Grayscale": _("Grayscale"),
        "Double Sided Printing": _("Double Sided Printing"),
        "Off": _("Off"),
        "Long side binding": _("Long side binding"),
        "Short side binding": _("Short side binding"),
        "Print range": _("Print range"),
        "Print all": _("Print all"),
        "Pages from": _("Pages from"),
        "to": _("to (a page range)"),
        "Pages": _("Pages"),
        "Current Page": _("Current Page"),
        "Selection": _("Selection"),
        "Page &Set:": _("Page &Set:"),
        "Output Settings": _("Output Settings"),
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. "
        "E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.":
            _("Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a "
              "hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."),
    },
    "QPrintWidget": {
        "Printer": _("Printer"),
        "&Name:": _("&Name:"),
        "P&roperties": _("P&roperties"),
        "Location:": _("Location:"),
        "Preview": _("Preview"),
        "Type:": _("Type:"),
        "Output &file:": _("Output &file:"),
    },
}
# The right-click menu of one-line fields (QLineEdit) and of text boxes (QWidgetTextControl) says the same.
_EDIT_MENU = {
    "&Undo": _("&Undo"),
    "&Redo": _("&Redo"),
    "Cu&t": _("Cu&t"),
    "&Copy": _("&Copy"),
    "&Paste": _("&Paste"),
    "Delete": _("Delete"),
    "Select All": _("Select All"),
    "Copy &Link Location": _("Copy &Link Location"),
}
QT_TEXTS["QLineEdit"] = _EDIT_MENU
QT_TEXTS["QWidgetTextControl"] = _EDIT_MENU


class QtTexts(QTranslator):
    """Answers Qt's requests for the texts of :data:`QT_TEXTS` in the interface language; None (Qt's English)
    for everything else and in the English interface."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt override
        message = QT_TEXTS.get(context, {}).get(source)
        if message is None or i18n.language() == "en":
            return None
        text = i18n._(message)
        return text if text != source else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


_installed: QtTexts | None = None


def install(app: QApplication | None = None) -> QtTexts:
    """Install the translator on the application once; it follows later language switches by itself (Qt asks
    for a text when it makes the widget, so a window built after a switch speaks the new language)."""
    global _installed
    target = app or QApplication.instance()
    if _installed is None and target is not None:
        _installed = QtTexts(target)
        target.installTranslator(_installed)
    if _installed is None:
        raise RuntimeError("the Qt texts need a QApplication")
    return _installed
