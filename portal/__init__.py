"""The portal's core: page types, taxonomy, members, languages, access, email and the API."""
