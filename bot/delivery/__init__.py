"""Getting what the bot says out, once: announcements queued in the same write as the change
(`outbox`), posted after the reply and recorded (`announcements`), through each platform's `Sender`
(`sending`: the protocol and its errors), paced per channel (`pacing`)."""
