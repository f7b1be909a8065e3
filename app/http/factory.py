"""Factory for multi-worker uvicorn: each worker builds Settings from the environment at start-up."""

from __future__ import annotations

from fastapi import FastAPI

from app.http.app import create_app
from app.settings import Settings


def app_from_env() -> FastAPI:
    return create_app(Settings())
