"""Online communities: membership, discussions, announcements, events, files and pages."""
