"""The project store: open, create and edit a project file, one transaction per edit."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Engine, event
from sqlalchemy.pool import NullPool
from sqlmodel import Session, col, create_engine, select

from ..domain import Guide, Project, ProjectSettings, Theme, first_error
from .creation import build_new_file, upgrade
from .errors import ProjectFileError, sqlite_reason
from .lock import WriterLock
from .project_file import ensure_writable, inspect, readonly_uri, regular_file
from .tables import DraftRow, GuideRow, MediaRow, ProjectRow, StepImageRow
from .wal import STAMP_SQL, new_token

_GUIDE = TypeAdapter(Guide)

Pictures = dict[tuple[str, str], bytes | None]
"""Step pictures by ``(step_id, kind)``; kind is ``screenshot`` or ``thumbnail``."""


@dataclass(frozen=True)
class GuideSummary:
    """A guide as the guide list shows it, read without parsing its steps."""

    id: str
    kind: str
    name: str
    position: int
    enabled: bool


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # a committed edit survives power loss too
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


class ProjectStore:
    """A project file on disk; every method that changes it commits before returning."""

    def __init__(self, path: Path, engine: Engine, *, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self._engine = engine
        self._lock: WriterLock | None = None

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, project: Project) -> ProjectStore:
        """Write a new project file (built beside it, then renamed into place); never overwrites."""
        path = Path(path)
        build_new_file(path, lambda tmp: cls._fill(tmp, project))
        return cls.open(path)

    @classmethod
    def _fill(cls, tmp: Path, project: Project) -> None:
        store = cls._connect(tmp, readonly=False)
        try:
            store.replace(project)
        finally:
            store.close()

    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> ProjectStore:
        """Open an existing project, bringing an older file format up to date.

        A writable store holds the file's writer lock (see lock.py) until ``close``; a
        read-only one takes no lock and never writes, so readers run beside the writer.
        """
        path = Path(path)
        if readonly:
            facts = inspect(path)
            return cls._connect(path, readonly=True, with_log=facts.replays_log)
        regular_file(path)
        lock = WriterLock.acquire(path)
        try:
            facts = inspect(path, writer=True)
            ensure_writable(path)
            upgrade(path, facts.format_version)
            store = cls._connect(path, readonly=False)
        except BaseException:
            lock.release()
            raise
        store._lock = lock
        return store

    @classmethod
    def _connect(cls, path: Path, *, readonly: bool, with_log: bool | None = None) -> ProjectStore:
        if readonly:
            uri = readonly_uri(path, with_log=with_log)
            engine = create_engine(
                "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
            )
        else:
            target = str(path)
            engine = create_engine(
                "sqlite://",
                creator=lambda: sqlite3.connect(target, check_same_thread=False),
                poolclass=NullPool,
            )
            event.listen(engine, "connect", _set_pragmas)
        return cls(path, engine, readonly=readonly)

    def close(self) -> None:
        """Release the file and its writer lock; the last connection to close folds the WAL back into it."""
        try:
            self._engine.dispose()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _session(self) -> Iterator[Session]:
        try:
            with Session(self._engine) as session:
                yield session
        except sqlite3.Error as exc:  # pragma: no cover - surfaced through SQLAlchemy below
            raise ProjectFileError(f"{self.path.name}: {sqlite_reason(exc, self.path)}") from None
        except Exception as exc:
            if type(exc).__module__.startswith("sqlalchemy"):
                orig = getattr(exc, "orig", None)
                if isinstance(orig, sqlite3.Error):
                    reason = sqlite_reason(orig, self.path)
                else:
                    reason = str(orig or exc).splitlines()[0]
                raise ProjectFileError(f"{self.path.name}: {reason}") from None
            raise

    @contextmanager
    def _edit(self) -> Iterator[Session]:
        if self.readonly:
            raise ProjectFileError(f"{self.path.name}: opened read-only; edits are not saved")
        with self._session() as session:
            yield session
            # Renew the stamp so this edit's log pages prove whose log they are (see wal.py).
            session.connection().exec_driver_sql(STAMP_SQL, (new_token(),))
            session.commit()

    # -- reading ---------------------------------------------------------------------

    def load(self) -> Project:
        """The whole project, guides in their list order."""
        with self._session() as session:
            project = self._header(session)
            rows = session.exec(select(GuideRow).order_by(col(GuideRow.position))).all()
            guides = [self._parse(guide) for guide in rows]
        return project.model_copy(update={"guides": guides})

    def header(self) -> Project:
        """The project's name, theme and settings without its guides (cheap for big projects)."""
        with self._session() as session:
            return self._header(session)

    def _header(self, session: Session) -> Project:
        row = session.get(ProjectRow, 1)
        if row is None:
            raise ProjectFileError(f"{self.path.name}: the project file has no project record")
        try:
            theme = Theme.model_validate_json(row.theme)
            settings = ProjectSettings.model_validate_json(row.settings)
        except ValidationError as exc:
            raise ProjectFileError(
                f"{self.path.name}: project settings are not valid: {first_error(exc)}"
            ) from None
        return Project(name=row.name, theme=theme, settings=settings)

    def guide_summaries(self) -> list[GuideSummary]:
        """Every guide's id, kind, name and position, cheap enough for thousands."""
        with self._session() as session:
            rows = session.exec(
                select(
                    GuideRow.id, GuideRow.kind, GuideRow.name, GuideRow.position, GuideRow.enabled
                ).order_by(col(GuideRow.position))
            ).all()
        return [GuideSummary(*row) for row in rows]

    def get_guide(self, guide_id: str) -> Guide:
        """One guide by id; ProjectFileError when there is none."""
        with self._session() as session:
            row = session.get(GuideRow, guide_id)
            if row is None:
                raise ProjectFileError(f"{self.path.name}: there is no guide '{guide_id}'")
            return self._parse(row)

    def _parse(self, row: GuideRow) -> Guide:
        try:
            return _GUIDE.validate_json(row.data)
        except ValidationError as exc:
            raise ProjectFileError(
                f"{self.path.name}: guide '{row.name}' is not valid: {first_error(exc)}"
            ) from None

    # -- editing ---------------------------------------------------------------------

    def replace(self, project: Project) -> None:
        """Make the file hold exactly ``project`` (one transaction)."""
        with self._edit() as session:
            session.merge(
                ProjectRow(
                    id=1,
                    name=project.name,
                    theme=project.theme.model_dump_json(by_alias=True),
                    settings=project.settings.model_dump_json(by_alias=True),
                )
            )
            for row in session.exec(select(GuideRow)).all():
                session.delete(row)
            session.flush()
            for position, guide in enumerate(project.guides):
                session.add(_row(guide, position))

    def update_project(
        self,
        *,
        name: str | None = None,
        theme: Theme | None = None,
        settings: ProjectSettings | None = None,
    ) -> None:
        """Change the project's name, theme or settings."""
        with self._edit() as session:
            row = session.get(ProjectRow, 1)
            assert row is not None
            if name is not None:
                row.name = Project(name=name).name
            if theme is not None:
                row.theme = theme.model_dump_json(by_alias=True)
            if settings is not None:
                row.settings = settings.model_dump_json(by_alias=True)
            session.add(row)

    def put_guide(self, guide: Guide, *, pictures: Pictures | None = None, index: int | None = None) -> None:
        """Save a guide and exactly the picture changes given, in one transaction.

        A new guide goes to the end of the list, or to ``index`` in it; an existing one keeps its
        place. ``pictures`` maps ``(step_id, kind)`` to PNG bytes, or to None to remove that picture:
        nothing else about pictures changes (saving a guide never drops pictures by itself).
        """
        with self._edit() as session:
            existing = session.get(GuideRow, guide.id)
            if existing is None:
                self._insert(session, guide, index)
            else:
                fresh = _row(guide, existing.position)
                for field in ("kind", "name", "enabled", "data"):
                    setattr(existing, field, getattr(fresh, field))
                session.add(existing)
            self._write_pictures(session, guide.id, pictures or {})

    def _insert(self, session: Session, guide: Guide, index: int | None) -> None:
        """Put a new guide at list ``index`` (default: last), renumbering the list densely."""
        rows = list(session.exec(select(GuideRow).order_by(col(GuideRow.position))).all())
        index = len(rows) if index is None else max(0, min(index, len(rows)))
        for position, row in enumerate(rows):
            wanted = position if position < index else position + 1
            if row.position != wanted:
                row.position = wanted
                session.add(row)
        session.flush()
        session.add(_row(guide, index))

    def _write_pictures(self, session: Session, guide_id: str, pictures: Pictures) -> None:
        for (step_id, kind), png in pictures.items():
            old = session.get(StepImageRow, (guide_id, step_id, kind))
            if old is not None:
                session.delete(old)
                session.flush()
            if png:
                session.add(StepImageRow(guide_id=guide_id, step_id=step_id, kind=kind, png=png))

    def delete_guide(self, guide_id: str) -> None:
        """Remove a guide and its pictures (the caller keeps them if it may put them back)."""
        with self._edit() as session:
            row = session.get(GuideRow, guide_id)
            if row is None:
                raise ProjectFileError(f"{self.path.name}: there is no guide '{guide_id}'")
            session.delete(row)
            for image in session.exec(select(StepImageRow).where(StepImageRow.guide_id == guide_id)).all():
                session.delete(image)

    def put_step_images(
        self, guide_id: str, step_id: str, *, screenshot: bytes | None, thumbnail: bytes | None
    ) -> None:
        """Keep a step's pictures (replacing older ones; None removes one)."""
        with self._edit() as session:
            self._write_pictures(
                session, guide_id, {(step_id, "screenshot"): screenshot, (step_id, "thumbnail"): thumbnail}
            )

    def pictures(self, guide_id: str, step_ids: Iterable[str] | None = None) -> Pictures:
        """A guide's pictures by ``(step_id, kind)`` (only those steps' when given)."""
        wanted = None if step_ids is None else set(step_ids)
        if wanted is not None and not wanted:
            return {}
        with self._session() as session:
            rows = session.exec(select(StepImageRow).where(StepImageRow.guide_id == guide_id)).all()
            return {
                (row.step_id, row.kind): row.png for row in rows if wanted is None or row.step_id in wanted
            }

    def guide_index(self, guide_id: str) -> int:
        """Where a guide stands in the list (0-based); ProjectFileError when there is none."""
        ids = [summary.id for summary in self.guide_summaries()]
        if guide_id not in ids:
            raise ProjectFileError(f"{self.path.name}: there is no guide '{guide_id}'")
        return ids.index(guide_id)

    def put_draft(self, guide_id: str, data: str) -> None:
        """Keep a guide's unfinished change (editor JSON) so a crash does not lose it."""
        with self._edit() as session:
            row = session.get(DraftRow, guide_id)
            if row is None:
                session.add(DraftRow(guide_id=guide_id, data=data))
            elif row.data != data:
                row.data = data
                session.add(row)

    def delete_draft(self, guide_id: str) -> None:
        """Forget a guide's unfinished change (it became valid and was saved, or was dropped)."""
        with self._edit() as session:
            row = session.get(DraftRow, guide_id)
            if row is not None:
                session.delete(row)

    def drafts(self) -> dict[str, str]:
        """Every unfinished change by guide id."""
        with self._session() as session:
            return {row.guide_id: row.data for row in session.exec(select(DraftRow)).all()}

    def put_media(self, name: str, data: bytes) -> None:
        """Keep a project image under its content-derived name (see domain/media.py); the same bytes
        twice are kept once."""
        with self._edit() as session:
            if session.get(MediaRow, name) is None:
                session.add(MediaRow(name=name, data=data))

    def media(self, names: Iterable[str]) -> dict[str, bytes]:
        """The project images of these names that the file holds (an older file, read-only, has none)."""
        wanted = list(dict.fromkeys(names))
        if not wanted:
            return {}
        with self._session() as session:
            tables = session.connection().exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'media'"
            )
            if tables.first() is None:
                return {}
            rows = session.exec(select(MediaRow).where(col(MediaRow.name).in_(wanted))).all()
            return {row.name: row.data for row in rows}

    def step_image(self, guide_id: str, step_id: str, kind: str = "thumbnail") -> bytes | None:
        """A step's ``screenshot`` or ``thumbnail`` PNG, or None."""
        with self._session() as session:
            row = session.get(StepImageRow, (guide_id, step_id, kind))
            return row.png if row else None

    def move_guide(self, guide_id: str, index: int) -> None:
        """Put a guide at ``index`` in the list (clamped), renumbering the rest."""
        with self._edit() as session:
            rows = list(session.exec(select(GuideRow).order_by(col(GuideRow.position))).all())
            moving = next((r for r in rows if r.id == guide_id), None)
            if moving is None:
                raise ProjectFileError(f"{self.path.name}: there is no guide '{guide_id}'")
            rows.remove(moving)
            rows.insert(max(0, min(index, len(rows))), moving)
            for position, row in enumerate(rows):
                if row.position != position:
                    row.position = position
                    session.add(row)


def _row(guide: Guide, position: int) -> GuideRow:
    return GuideRow(
        id=guide.id,
        kind=guide.kind,
        name=guide.name,
        position=position,
        enabled=guide.enabled,
        data=guide.model_dump_json(by_alias=True),
    )
