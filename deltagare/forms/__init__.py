"""The forms of the participant's case, one module per step. They validate input;
the services decide the rules."""
