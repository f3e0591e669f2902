"""The coordinators' pages, one module per step of the case as it walks:
aktualisering, samtycke, inskrivning, kartlaggning, handlingsplan, insatser, avslut;
beside them the list and the office's registerutdrag. Shared parts: gemensamt."""
