// The Lessons module: the graph language and lesson files (see DESIGN.md §3, §6).
