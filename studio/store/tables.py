"""SQLModel tables of the project file (format version 5)."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class ProjectRow(SQLModel, table=True):
    """The single row holding the project's name, theme and settings (as JSON)."""

    __tablename__ = "project"

    id: int = Field(default=1, primary_key=True)
    name: str
    theme: str
    settings: str


class StepImageRow(SQLModel, table=True):
    """A PNG the recorder took for a step: its viewport ``screenshot`` or element ``thumbnail``."""

    __tablename__ = "step_image"

    guide_id: str = Field(primary_key=True)
    step_id: str = Field(primary_key=True)
    kind: str = Field(primary_key=True)
    png: bytes


class GuideRow(SQLModel, table=True):
    """One guide: its list columns for quick listing, and the whole guide as JSON."""

    __tablename__ = "guide"

    id: str = Field(primary_key=True)
    kind: str
    name: str
    position: int = Field(index=True)
    enabled: bool = True
    data: str


class DraftRow(SQLModel, table=True):
    """A guide's unfinished change as the editor's JSON data: not valid yet, so not in ``guide``."""

    __tablename__ = "draft"

    guide_id: str = Field(primary_key=True)
    data: str


class MediaRow(SQLModel, table=True):
    """An image the author added to the project, under its content-derived name (see domain/media.py)."""

    __tablename__ = "media"

    name: str = Field(primary_key=True)
    data: bytes
