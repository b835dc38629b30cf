"""The collaboration model as the bot knows it: app.yaml validated into the wheel (`config`, `yaml_lines`),
each cycle's dated items (`wheel`), which cycle a command means (`cycle`), how far an item has come
(`progress`), the model's order and its `bekreft` (`order`), who is who (`identity`) and the follow-up
points of a meeting (`followups`)."""
