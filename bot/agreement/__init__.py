"""The collaboration agreement itself: its registered text versions (`versions`), what a signature binds to
and who may still sign (`signing`), and the receipt that proves what was signed (`receipt`).

The changes (register a text, sign) are actions in `bot.actions`; this package reads and explains."""
