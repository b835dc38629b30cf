"""The stored cycle state: where each fact lives and the one recorded write (`store.StateStore`), the
per-request views of the store (`views`), typed checks of stored values (`stored`), and the history that
proves it: the hash chain (`chain`), what each change did and its replay (`replay`), the verdict in words
(`integrity`) and `logg`'s reading of it (`change_log`)."""
