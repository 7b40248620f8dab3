"""WordprocessingML (DOCX) at the level of its XML: reading paragraphs with their numbering labels and the
place of every character (:mod:`.reader`), Word automatic numbering (:mod:`.numbering`), comments and tracked
changes (:mod:`.edit`), and accepting all changes (:mod:`.accept`)."""
