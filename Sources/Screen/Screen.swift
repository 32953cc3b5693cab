// The Screen module: cells, buffers, widgets and layout (see DESIGN.md §5).
