"""Forms of the rapporter app: `mal`, `ekonomi`, and `rapport` (the period choice of the
statistics page, the board reports and Uppföljning Finsam)."""
