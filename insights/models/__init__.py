"""The insights app's models, one module per instrument."""

from insights.models.exports import ExportRecord

__all__ = ["ExportRecord"]
