"""The portal-wide events calendar (Connect pillar): events, webinars and community events."""
