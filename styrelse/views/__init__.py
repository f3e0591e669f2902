"""The board's pages, one module per part: ansökningar, the invitation of
external applicants, meetings, the agenda and decisions, the protocol, and the
förbund's economy. Thin: reads through for_user(), writes through the services,
404 for anything out of scope."""
