"""Dates as people type them and as the bot writes them.

`grammar` reads a typed phrase (with `rules`, `words`, `spans`, `times`, `relations`, `found`, and
`fallback`, the optional dateparser behind the grammar), `hints` answers a phrase it cannot read with a
«Mente du …?», `text` writes dates in words (apart from the grammar, so replies that only show dates never
load it), `named_days` and `workdays` know Norway's named days, holidays and working days."""
