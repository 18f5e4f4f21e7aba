"""Reports in: files read per format, layouts, footnotes, metadata, paragraphs, the catalogue."""
