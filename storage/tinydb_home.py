"""The tinydb store's folder as it was opened: a file missing from it is an empty partition, but a folder
that is gone, or is now another folder (deleted, moved, its volume unmounted so the empty mount point shows),
holds no partitions at all. Read as empty, every item looked undone and writes went into a new folder
(walk 34), so `TinyDBStore` compares the folder with the one it opened before it takes a missing file for an
empty partition."""

from __future__ import annotations

import os

FolderIdentity = tuple[int, int]


def folder_identity(directory: str) -> FolderIdentity:
    """The folder's device and inode (a remount or a new folder of the same name has other ones)."""
    st = os.stat(directory)
    return (st.st_dev, st.st_ino)


def gone_text(directory: str) -> str:
    """The operator's message (log and /healthz)."""
    return (
        f"The store folder {directory} is gone, or is not the folder the bot opened (deleted, moved, or its "
        "volume unmounted). Nothing is read from it as empty or written to it meanwhile. Put the folder back "
        "(remount the volume) and the bot carries on; or restart it with SAMHANDLING_DB naming the store."
    )
