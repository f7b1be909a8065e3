"""The HTTP surface: create_app(settings), thin routes, one error handler."""

from app.http.app import create_app

__all__ = ["create_app"]
