"""After enactment: PDF/A for electronic signature and archiving, JDIH/JDIHN metadata, the harmonisasi bundle.

Writers of files that leave legaldraft for other systems (signing services, JDIH, e-Harmonisasi / e-Perda).
Akoma Ntoso lives with the other document writers (legaldraft.render.akn) and its reader with the importer.
"""
