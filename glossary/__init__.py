"""The glossary: social protection terms, one A–Z index per language."""
