"""What the surfaces show, computed once in the core and only rendered by adapters: replies and their
command hints (`replies`, `hints`), the status pages and their links (`status_data`, `web_views`,
`web_links`), the calendar feeds (`feeds`) and the wheel picture (`wheel_picture`, `wheel_geometry`,
`wheel_labels`, `states`)."""
