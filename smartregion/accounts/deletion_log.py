"""The record of deleted accounts that a restore of the database cannot reach.

A database restored from a backup brings back every account deleted after
the backup was taken. So each deletion also leaves a file in the folder
settings.DELETION_LOG_DIR (env DELETION_LOG_DIR; in production on a disk
that is not restored with the database), and `manage.py reapply_deletions`
deletes again every account it names that the database still holds.

- One file per deletion, `<time>-<random>.json`, created with O_EXCL and
  fsynced (file and folder) before the deletion's transaction commits:
  once a deletion is committed, its record is on disk, and app servers on
  several machines sharing the folder never write into the same file.
- A record holds the account's id and the time it joined, nothing else (no
  address, no name): the time tells a restored account from a later one
  that happens to get the same id.
- The record is the last step of the deletion's transaction. If writing
  it fails, the transaction rolls back and a marker `<same name>.rolledback`
  voids what was written. A record whose transaction fails later anyway
  (at the commit, or in a caller's outer transaction) stays, as the commit
  may have reached the database even when its answer was lost: the person
  asked for the deletion, so doing it again after a restore is harmless.
- Records are never changed or removed by the code; the folder only grows
  (one small file per deleted account).
"""

import datetime as dt
import json
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)

RECORD_SUFFIX = ".json"
ROLLED_BACK_SUFFIX = ".rolledback"


@dataclass(frozen=True)
class Deletion:
    """One recorded deletion: the account's id and when it joined (None in
    records that do not know it)."""

    user_id: int
    joined: dt.datetime | None

    def matches(self, user) -> bool:
        """Whether `user` is the account this record deleted."""
        return user.pk == self.user_id and (self.joined is None or user.date_joined == self.joined)


def folder() -> Path:
    return Path(settings.DELETION_LOG_DIR)


def record(user_id: int, joined: dt.datetime) -> Path:
    """Write the record of deleting the account `user_id` that joined at
    `joined`, and make it durable; returns its path. Raises OSError when
    that fails: the caller's transaction must then roll back, and a record
    already written is marked as rolled back (as far as the disk allows)."""
    target = folder()
    target.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    path = target / f"{now.strftime('%Y%m%dT%H%M%S%fZ')}-{secrets.token_hex(8)}{RECORD_SUFFIX}"
    content = {"user_id": user_id, "joined": joined.isoformat(), "deleted_at": now.isoformat()}
    try:
        _write_durably(path, json.dumps(content).encode())
    except OSError:
        if path.exists():
            rolled_back(path)
        raise
    return path


def rolled_back(path: Path) -> None:
    """Mark the record at `path` as void: its deletion did not happen."""
    marker = path.with_suffix(ROLLED_BACK_SUFFIX)
    if not marker.exists():
        _write_durably(marker, b"")


def recorded() -> list[Deletion]:
    """Every deletion recorded in the folder that did not roll back, oldest
    first. A file that cannot be read as a record (a write cut off by a
    crash before its deletion committed) is logged and left out."""
    target = folder()
    if not target.is_dir():
        return []
    deletions = []
    for path in sorted(target.glob(f"*{RECORD_SUFFIX}")):
        if path.with_suffix(ROLLED_BACK_SUFFIX).exists():
            continue
        try:
            content = json.loads(path.read_bytes())
            joined = content.get("joined")
            deletions.append(
                Deletion(user_id=int(content["user_id"]), joined=dt.datetime.fromisoformat(joined) if joined else None)
            )
        except (ValueError, KeyError, TypeError) as error:
            logger.warning("Deletion record %s left out, it cannot be read: %r", path, error)
    return deletions


def _write_durably(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o640)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    # The new name in the folder must reach the disk too.
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
