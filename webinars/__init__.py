"""Webinars: series, sessions, speakers, registration, attendance and follow emails."""
