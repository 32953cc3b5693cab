// The Tutor module: the app as Model / Update / View (docs/ARCHITECTURE.md: the modules and one keystroke's path).
//
// One input:  Input (a key, the clock, a resize, Ctrl-C) --update--> TutorState --view--> Buffer
//             (a key becomes an Action in the KeyMap; `apply` acts on it)
//
// - `TutorState` (TutorState.swift) is the Model: what is open (`Subject`: a graph or a
//   lesson, and the lesson part), the `Stepper`, the cached `GraphScene` (layout built
//   once per part), selection, viewport offset, help, theme, terminal size, message.
// - `Input` (Input.swift) is everything that reaches the tutor from outside; `Action`
//   (Action.swift) is everything a user can ask for. `KeyMap` (KeyMap.swift) is the only
//   place keys become actions; each `KeyBinding` carries its help text, and the
//   hint line and the `?` overlay are generated from the same table.
// - `update(_:_:)` / `TutorState.receive(_:)` (Update.swift) make the next state from an
//   input, `apply(_:)` from an action; pure.
// - `view(_:)` (View.swift) draws the whole screen into a `Buffer`; pure. Its parts:
//   `Panes` (where everything goes), `GraphPane` (boxes, gates, edge labels), `Inspector`
//   (formulas with numbers), `Narrator` (lesson text or a generated sentence), status bar,
//   hint line, help overlay. `Notation` writes every text in Unicode or ASCII.
//
// Adding a feature (as the classroom added the quiz, autoplay and the gradient check):
// 1. add `Action` cases (the classroom's live in `ClassroomAction`, wrapped by
//    `Action.classroom`);
// 2. add bindings with help text: `KeyMap.standard.adding([...])`, or a key map of your own
//    passed to `TutorState(keyMap:)`; keys already bound keep their first action;
// 3. add state fields to `TutorState` and one branch per action in `apply(_:)` calling a
//    small function in a new file (`extension TutorState { mutating func … }`);
// 4. draw it: a widget of your own rendered from `view` into a pane or an overlay.
