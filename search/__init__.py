"""The site search: one service over every engine, its pages and its index upkeep."""
