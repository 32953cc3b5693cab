// The Tutor module: the app as Model / Update / View (see DESIGN.md §1).
