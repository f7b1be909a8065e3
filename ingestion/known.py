"""What planning knows of a collection's stored documents, and which file owns each source.

A run that syncs a folder must find the documents whose files are gone, so it reads every document of
the collection. A run that names some files reads only what those files can touch: the documents of the
files named (by `file_path`) and, as each changed file is prepared, the documents its sources could clash
with, found by their `source_key` (the same source from another file, or a twin: the same name in another
case or Unicode form). Both columns are indexed (migration 0007), so replacing one document reads a few
rows whatever the collection's size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from ingestion.discovery import bad_source_char, source_key
from ingestion.loaders import LoadError
from ingestion.store import Document, Store

_BATCH = 500  # values per IN (...): well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True, slots=True)
class KnownDocument:
    """What planning needs of a stored document (not its text): a plain row, not an ORM object (50,000
    ORM objects cost 1.5 s; these, a tenth)."""

    id: str
    source: str
    file_path: str
    file_hash: str
    content_hash: str


class StoredDocuments:
    """The collection's stored documents that a run's plan can touch, read on first use.

    `files` None reads every document at once (a sync). Otherwise the documents of those files are read
    at once, and the ones sharing a source's key when the plan asks about that source (`read_keys`
    fetches a file's sources in one query)."""

    def __init__(self, store: Store, collection_id: int, files: Iterable[str] | None) -> None:
        self.store, self.collection_id = store, collection_id
        self._by_source: dict[str, KnownDocument] = {}
        self._by_file: dict[str, list[KnownDocument]] = {}
        self._twins: dict[str, str] = {}  # source_key -> the stored source that keeps it (the first by name)
        self._everything = files is None
        self._files_read: set[str] = set()
        self._keys_read: set[str] = set()
        if files is None:
            self._read(Document.collection_id == collection_id)
        else:
            self._read_files(files)

    def __len__(self) -> int:
        """Documents read so far."""
        return len(self._by_source)

    def of_file(self, file_path: str) -> list[KnownDocument]:
        """The stored documents that came from this file (a CSV holds many)."""
        self._read_files([file_path])
        return self._by_file.get(file_path, [])

    def get(self, source: str) -> KnownDocument | None:
        self.read_keys([source])  # a source shares its own key
        return self._by_source.get(source)

    def twin(self, source: str) -> str | None:
        """The stored source that reads as `source` (itself, when stored), if any."""
        key = source_key(source)
        self._read_keys({key})
        return self._twins.get(key)

    def read_keys(self, sources: Iterable[str]) -> None:
        """Read the documents whose names read as these sources, in as few queries as it takes."""
        self._read_keys({source_key(s) for s in sources})

    def _read_files(self, files: Iterable[str]) -> None:
        todo = sorted(set(files) - self._files_read) if not self._everything else []
        self._files_read.update(todo)
        for i in range(0, len(todo), _BATCH):
            self._read(Document.collection_id == self.collection_id, Document.file_path.in_(todo[i : i + _BATCH]))

    def _read_keys(self, keys: set[str]) -> None:
        todo = sorted(keys - self._keys_read) if not self._everything else []
        self._keys_read.update(todo)
        for i in range(0, len(todo), _BATCH):
            self._read(Document.collection_id == self.collection_id, Document.source_key.in_(todo[i : i + _BATCH]))

    def _read(self, *where: ColumnElement[bool]) -> None:
        cols = (Document.id, Document.source, Document.file_path, Document.file_hash, Document.content_hash)
        with self.store.session() as s:
            rows = s.execute(select(*cols, Document.source_key).where(*where)).all()
        for *fields, key in rows:
            doc = KnownDocument(*fields)
            if doc.source in self._by_source:  # read before, by its file or by its key
                continue
            self._by_source[doc.source] = doc
            self._by_file.setdefault(doc.file_path, []).append(doc)
            # Twins stored before they were refused: the first by name keeps the key, whatever the order read.
            if key not in self._twins or doc.source < self._twins[key]:
                self._twins[key] = doc.source


class SourceOwners:
    """Which file owns each source, decided in the order the run's files come: the store's documents
    first, then this run's claims."""

    def __init__(self, stored: StoredDocuments) -> None:
        self.stored = stored
        self._claimed: dict[str, str] = {}  # source -> the file that produced it in this run
        self._keys: dict[str, str] = {}  # source_key -> the first source of this run under it

    def check(self, source: str, file: str) -> None:
        """A document source belongs to one file: an FAQ record `faq.csv#a.md` and a file named
        `faq.csv#a.md` would otherwise be one row written twice (the batch's commit fails) or one file's
        document silently replaced by another's. Nor may two sources differ only in case or Unicode
        form ("Plans.md" beside "plans.md"): they read as one name to a person picking a citation."""
        bad = bad_source_char(source)
        if bad is not None:
            raise LoadError(f"source name {source!r} holds a control or format character ({bad})")
        owner = self._claimed.get(source)
        stored = self.stored.get(source)
        if owner is None and stored is not None and stored.file_path != file:
            owner = stored.file_path
        if owner is not None and owner != file:
            raise LoadError(f"document source {source!r} is already taken by {owner!r}")
        twin = self.stored.twin(source) or self._keys.get(source_key(source), source)
        if twin != source:
            raise LoadError(f"source name {source!r} differs only in case or Unicode form from {twin!r}")

    def claim(self, source: str, file: str) -> None:
        self._claimed[source] = file
        self._keys.setdefault(source_key(source), source)
