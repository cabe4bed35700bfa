"""What is made from a draft besides its DOCX: merge, hand-off package, PDF to sign and signing, copies and
their numbers, appendix files, LibreOffice conversion, proposed file names."""
