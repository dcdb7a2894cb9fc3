"""The public pages of ideas, one module per page group: `ideas` (submit,
detail, edit, withdraw, support), `similar` (similar ideas while typing),
`store` (the Ideenspeicher with its map data, CSV and feed)."""
