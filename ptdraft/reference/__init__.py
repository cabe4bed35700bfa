"""What the decree and the state fix: document types and their abbreviations, the administrative units,
the written form of dates and numbers, the widths of Times New Roman."""
