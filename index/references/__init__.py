"""References to other UN documents in a paragraph's text and footnotes: document symbols,
resolutions and decisions written out in words, paragraphs of another document or of the same
report, and treaty articles, in the six official languages (`reader.read_references`; the
rules are in docs/references.md)."""
