"""Programme profiles: a database of social protection programmes and country pages."""
