"""Reminders: what is due and to whom (`planner`, each line's words in `lines`), a channel's digest
(`digest`), AU's weekly overview (`weekly`), who is mentioned (`notify`), the pass that posts them once
under a lease (`passes`, `lease`, `ledger`) and a dry run over a span (`simulation`)."""
