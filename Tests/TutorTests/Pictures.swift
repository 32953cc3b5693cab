// Pictures of the CS231n graph, f = (x + y)·z at x = −2, y = 5, z = −4, as the tutor draws
// it: at the start, mid-forward (after forward q), mid-backward (after backward q) and at
// the end, in Unicode and in ASCII, at 100×30 and 80×24. The colour and the no-colour
// themes draw the same characters; `SnapshotTests` checks their styles separately.
// (Taken from `backprop render examples/chain-rule.graph --step N`, then read line by
// line: any change to the screen shows up here as a readable diff.)

enum Pictures {
    static let unicodeStart100x30 = """
         backprop · chain-rule.graph                                                       start · step 0/8
        ┌ Graph · ▶ this step  ✓ done  · to do · val = value, grad = ∂f/∂node ─────────────────────────────┐
        │               ┌ ✓ x ────┐                                                                        │
        │               │val −2   │                                                                        │
        │               │grad ?   │──┐                                                                     │
        │               └─────────┘  │             ┌ · q (+) ┐                                             │
        │                            └────────────▶│val ?    │                                             │
        │               ┌ ✓ y ────┐  ┌────────────▶│grad ?   │──┐                                          │
        │               │val 5    │  │             └─────────┘  │                                          │
        │               │grad ?   │──┘                          │               ┌ · f (×) ┐                │
        │               └─────────┘                             └──────────────▶│val ?    │                │
        │                                                       ┌──────────────▶│grad ?   │                │
        │               ┌ ✓ z ────┐                             │               └─────────┘                │
        │               │val −4   │                             │                                          │
        │               │grad ?   │─────────────────────────────┘                                          │
        │               └─────────┘                                                                        │
        └──────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌ Step ────────────────────────────────────────────────┐┌ What happens ────────────────────────────┐
        │ Start: nothing computed yet                          ││ This graph computes f from its leaves.   │
        │ Leaves: x = −2, y = 5, z = −4                        ││ Press → (or space) to take one step at a │
        │ The forward pass computes every node from its        ││ time: first the forward pass computes    │
        │ inputs, left to right; the backward pass then sends  ││ each node's value, then the backward     │
        │ ∂f/∂(node) from the output back to the leaves.       ││ pass finds how much f changes with each  │
        │ Next: forward: compute q = x + y                     ││ node (its gradient, grad).               │
        │                                                      ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        └──────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
        → next · ← back · n end of phase · r restart · Tab select · ? help · q quit
        """

    static let unicodeMidForward100x30 = """
         backprop · chain-rule.graph                                                forward pass · step 1/8
        ┌ Graph · ▶ this step  ✓ done  · to do · val = value, grad = ∂f/∂node ─────────────────────────────┐
        │               ┌ ✓ x ────┐                                                                        │
        │               │val −2   │                                                                        │
        │               │grad ?   │──┐                                                                     │
        │               └─────────┘  │             ┌ ▶ q (+) ┐                                             │
        │                            └────────────▶│val 3    │                                             │
        │               ┌ ✓ y ────┐  ┌────────────▶│grad ?   │──┐                                          │
        │               │val 5    │  │             └─────────┘  │                                          │
        │               │grad ?   │──┘                          │               ┌ · f (×) ┐                │
        │               └─────────┘                             └──────────────▶│val ?    │                │
        │                                                       ┌──────────────▶│grad ?   │                │
        │               ┌ ✓ z ────┐                             │               └─────────┘                │
        │               │val −4   │                             │                                          │
        │               │grad ?   │─────────────────────────────┘                                          │
        │               └─────────┘                                                                        │
        └──────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌ Step ────────────────────────────────────────────────┐┌ What happens ────────────────────────────┐
        │ Forward: compute q                                   ││ Forward pass, left to right: a node is   │
        │ q = x + y = −2 + 5 = 3                               ││ computed as soon as all its inputs are   │
        │ Next: forward: compute f = q · z                     ││ known. Here q = x + y.                   │
        │                                                      ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        └──────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
        → next · ← back · n end of phase · r restart · Tab select · ? help · q quit
        """

    static let unicodeMidBackward100x30 = """
         backprop · chain-rule.graph                                               backward pass · step 5/8
        ┌ Graph · ▶ this step  ✓ done  · to do · val = value, grad = ∂f/∂node ─────────────────────────────┐
        │               ┌ ✓ x ────┐                                                                        │
        │               │val −2   │                                                                        │
        │               │grad −4  │──┐                                                                     │
        │               └─────────┘  │             ┌ ▶ q (+) ┐                                             │
        │                            └─── −4×1=−4 ▶│val 3    │                                             │
        │               ┌ ✓ y ────┐  ┌─── −4×1=−4 ▶│grad −4  │──┐                                          │
        │               │val 5    │  │             └─────────┘  │                                          │
        │               │grad −4  │──┘                          │               ┌ ✓ f (×) ┐                │
        │               └─────────┘                             └──────────────▶│val −12  │                │
        │                                                       ┌──────────────▶│grad 1   │                │
        │               ┌ ✓ z ────┐                             │               └─────────┘                │
        │               │val −4   │                             │                                          │
        │               │grad 3   │─────────────────────────────┘                                          │
        │               └─────────┘                                                                        │
        └──────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌ Step ────────────────────────────────────────────────┐┌ What happens ────────────────────────────┐
        │ Backward through q = x + y                           ││ Chain rule at q: the gradient arriving   │
        │ ∂f/∂q = −4 (via f)                                   ││ from the right (upstream) is multiplied  │
        │ ∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4                ││ by each local derivative ∂q/∂(input) and │
        │ ∂f/∂y = ∂f/∂q · ∂q/∂y = (−4) · 1 = −4                ││ added into that input's gradient.        │
        │ Rule: add hands the upstream gradient on unchanged   ││                                          │
        │ to every input                                       ││                                          │
        │ Next: backward: z's gradient is complete             ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        └──────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
        → next · ← back · n end of phase · r restart · Tab select · ? help · q quit
        """

    static let unicodeEnd100x30 = """
         backprop · chain-rule.graph                                                         end · step 8/8
        ┌ Graph · ▶ this step  ✓ done  · to do · val = value, grad = ∂f/∂node ─────────────────────────────┐
        │               ┌ ▶ x ────┐                                                                        │
        │               │val −2   │                                                                        │
        │               │grad −4  │──┐                                                                     │
        │               └─────────┘  │             ┌ ✓ q (+) ┐                                             │
        │                            └────────────▶│val 3    │                                             │
        │               ┌ ✓ y ────┐  ┌────────────▶│grad −4  │──┐                                          │
        │               │val 5    │  │             └─────────┘  │                                          │
        │               │grad −4  │──┘                          │               ┌ ✓ f (×) ┐                │
        │               └─────────┘                             └──────────────▶│val −12  │                │
        │                                                       ┌──────────────▶│grad 1   │                │
        │               ┌ ✓ z ────┐                             │               └─────────┘                │
        │               │val −4   │                             │                                          │
        │               │grad 3   │─────────────────────────────┘                                          │
        │               └─────────┘                                                                        │
        └──────────────────────────────────────────────────────────────────────────────────────────────────┘
        ┌ Step ────────────────────────────────────────────────┐┌ What happens ────────────────────────────┐
        │ Backward: x is an input                              ││ Done. Each gradient ∂f/∂(leaf) says how  │
        │ ∂f/∂x = −4 (via q)                                   ││ much f changes when that leaf is nudged. │
        │ Done: forward and backward pass                      ││                                          │
        │ This is the end. ← steps back, r restarts, q quits.  ││                                          │
        │ f = −12                                              ││                                          │
        │ ∂f/∂x = −4                                           ││                                          │
        │ ∂f/∂y = −4                                           ││                                          │
        │ ∂f/∂z = 3                                            ││                                          │
        │                                                      ││                                          │
        │                                                      ││                                          │
        └──────────────────────────────────────────────────────┘└──────────────────────────────────────────┘
        ← back · r restart · Tab select · ? help · q quit
        """

    static let unicodeStart80x24 = """
         backprop · chain-rule.graph                                   start · step 0/8
        ┌ Graph · ▶ this step  ✓ done  · to do · value, then ∇ = ∂f/∂node ─────────────┐
        │         ✓ x −2 ∇? ────────────┐                                              │
        │                               ├ · q ? ∇? ────────────────┐                   │
        │         ✓ y 5 ∇? ─────────────┘                          ├ · f ? ∇?          │
        │                                            ┌─────────────┘                   │
        │         ✓ z −4 ∇? ─────────────────────────┘                                 │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌ Step ────────────────────────────────────┐┌ What happens ────────────────────┐
        │ Start: nothing computed yet              ││ This graph computes f from its   │
        │ Leaves: x = −2, y = 5, z = −4            ││ leaves. Press → (or space) to    │
        │ The forward pass computes every node     ││ take one step at a time: first   │
        │ from its inputs, left to right; the      ││ the forward pass computes each   │
        │ backward pass then sends ∂f/∂(node) from ││ node's value, then the backward  │
        │ the output back to the leaves.           ││ pass finds how much f changes    │
        │ Next: forward: compute q = x + y         ││ with each node                   │
        │                                          ││ (its gradient, ∇).               │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        └──────────────────────────────────────────┘└──────────────────────────────────┘
        → next · ← back · n end of phase · r restart · Tab select · ? help · q quit
        """

    static let unicodeMidForward80x24 = """
         backprop · chain-rule.graph                            forward pass · step 1/8
        ┌ Graph · ▶ this step  ✓ done  · to do · value, then ∇ = ∂f/∂node ─────────────┐
        │         ✓ x −2 ∇? ────────────┐                                              │
        │                               ├ ▶ q 3 ∇? ────────────────┐                   │
        │         ✓ y 5 ∇? ─────────────┘                          ├ · f ? ∇?          │
        │                                            ┌─────────────┘                   │
        │         ✓ z −4 ∇? ─────────────────────────┘                                 │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌ Step ────────────────────────────────────┐┌ What happens ────────────────────┐
        │ Forward: compute q                       ││ Forward pass, left to right: a   │
        │ q = x + y = −2 + 5 = 3                   ││ node is computed as soon as all  │
        │ Next: forward: compute f = q · z         ││ its inputs are known. Here q = x │
        │                                          ││ + y.                             │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        └──────────────────────────────────────────┘└──────────────────────────────────┘
        → next · ← back · n end of phase · r restart · Tab select · ? help · q quit
        """

    static let unicodeMidBackward80x24 = """
         backprop · chain-rule.graph                           backward pass · step 5/8
        ┌ Graph · ▶ this step  ✓ done  · to do · value, then ∇ = ∂f/∂node ─────────────┐
        │         ✓ x −2 ∇−4 ── −4×1=−4 ┐                                              │
        │                               ├ ▶ q 3 ∇−4 ───────────────┐                   │
        │         ✓ y 5 ∇−4 ─── −4×1=−4 ┘                          ├ ✓ f −12 ∇1        │
        │                                            ┌─────────────┘                   │
        │         ✓ z −4 ∇3 ─────────────────────────┘                                 │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌ Step ────────────────────────────────────┐┌ What happens ────────────────────┐
        │ Backward through q = x + y               ││ Chain rule at q: the gradient    │
        │ ∂f/∂q = −4 (via f)                       ││ arriving from the right          │
        │ ∂f/∂x = ∂f/∂q · ∂q/∂x = (−4) · 1 = −4    ││ (upstream) is multiplied by each │
        │ ∂f/∂y = ∂f/∂q · ∂q/∂y = (−4) · 1 = −4    ││ local derivative ∂q/∂(input) and │
        │ Rule: add hands the upstream gradient on ││ added into that input's          │
        │ unchanged to every input                 ││ gradient.                        │
        │ Next: backward: z's gradient is complete ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        └──────────────────────────────────────────┘└──────────────────────────────────┘
        → next · ← back · n end of phase · r restart · Tab select · ? help · q quit
        """

    static let unicodeEnd80x24 = """
         backprop · chain-rule.graph                                     end · step 8/8
        ┌ Graph · ▶ this step  ✓ done  · to do · value, then ∇ = ∂f/∂node ─────────────┐
        │         ▶ x −2 ∇−4 ───────────┐                                              │
        │                               ├ ✓ q 3 ∇−4 ───────────────┐                   │
        │         ✓ y 5 ∇−4 ────────────┘                          ├ ✓ f −12 ∇1        │
        │                                            ┌─────────────┘                   │
        │         ✓ z −4 ∇3 ─────────────────────────┘                                 │
        └──────────────────────────────────────────────────────────────────────────────┘
        ┌ Step ────────────────────────────────────┐┌ What happens ────────────────────┐
        │ Backward: x is an input                  ││ Done. Each gradient ∂f/∂(leaf)   │
        │ ∂f/∂x = −4 (via q)                       ││ says how much f changes when     │
        │ Done: forward and backward pass          ││ that leaf is nudged.             │
        │ This is the end. ← steps back, r         ││                                  │
        │ restarts, q quits.                       ││                                  │
        │ f = −12                                  ││                                  │
        │ ∂f/∂x = −4                               ││                                  │
        │ ∂f/∂y = −4                               ││                                  │
        │ ∂f/∂z = 3                                ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        │                                          ││                                  │
        └──────────────────────────────────────────┘└──────────────────────────────────┘
        ← back · r restart · Tab select · ? help · q quit
        """

    static let asciiStart100x30 = """
         backprop - chain-rule.graph                                                       start - step 0/8
        + Graph - > this step  # done  . to do - val = value, grad = df/dnode -----------------------------+
        |               + # x ----+                                                                        |
        |               |val -2   |                                                                        |
        |               |grad ?   |--+                                                                     |
        |               +---------+  |             + . q (+) +                                             |
        |                            +------------>|val ?    |                                             |
        |               + # y ----+  +------------>|grad ?   |--+                                          |
        |               |val 5    |  |             +---------+  |                                          |
        |               |grad ?   |--+                          |               + . f (*) +                |
        |               +---------+                             +-------------->|val ?    |                |
        |                                                       +-------------->|grad ?   |                |
        |               + # z ----+                             |               +---------+                |
        |               |val -4   |                             |                                          |
        |               |grad ?   |-----------------------------+                                          |
        |               +---------+                                                                        |
        +--------------------------------------------------------------------------------------------------+
        + Step ------------------------------------------------++ What happens ----------------------------+
        | Start: nothing computed yet                          || This graph computes f from its leaves.   |
        | Leaves: x = -2, y = 5, z = -4                        || Press -> (or space) to take one step at  |
        | The forward pass computes every node from its        || a time: first the forward pass computes  |
        | inputs, left to right; the backward pass then sends  || each node's value, then the backward     |
        | df/d(node) from the output back to the leaves.       || pass finds how much f changes with each  |
        | Next: forward: compute q = x + y                     || node (its gradient, grad).               |
        |                                                      ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        +------------------------------------------------------++------------------------------------------+
        Right next  Left back  n end of phase  r restart  Tab select  ? help  q quit
        """

    static let asciiMidForward100x30 = """
         backprop - chain-rule.graph                                                forward pass - step 1/8
        + Graph - > this step  # done  . to do - val = value, grad = df/dnode -----------------------------+
        |               + # x ----+                                                                        |
        |               |val -2   |                                                                        |
        |               |grad ?   |--+                                                                     |
        |               +---------+  |             + > q (+) +                                             |
        |                            +------------>|val 3    |                                             |
        |               + # y ----+  +------------>|grad ?   |--+                                          |
        |               |val 5    |  |             +---------+  |                                          |
        |               |grad ?   |--+                          |               + . f (*) +                |
        |               +---------+                             +-------------->|val ?    |                |
        |                                                       +-------------->|grad ?   |                |
        |               + # z ----+                             |               +---------+                |
        |               |val -4   |                             |                                          |
        |               |grad ?   |-----------------------------+                                          |
        |               +---------+                                                                        |
        +--------------------------------------------------------------------------------------------------+
        + Step ------------------------------------------------++ What happens ----------------------------+
        | Forward: compute q                                   || Forward pass, left to right: a node is   |
        | q = x + y = -2 + 5 = 3                               || computed as soon as all its inputs are   |
        | Next: forward: compute f = q * z                     || known. Here q = x + y.                   |
        |                                                      ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        +------------------------------------------------------++------------------------------------------+
        Right next  Left back  n end of phase  r restart  Tab select  ? help  q quit
        """

    static let asciiMidBackward100x30 = """
         backprop - chain-rule.graph                                               backward pass - step 5/8
        + Graph - > this step  # done  . to do - val = value, grad = df/dnode -----------------------------+
        |               + # x ----+                                                                        |
        |               |val -2   |                                                                        |
        |               |grad -4  |--+                                                                     |
        |               +---------+  |             + > q (+) +                                             |
        |                            +--- -4*1=-4 >|val 3    |                                             |
        |               + # y ----+  +--- -4*1=-4 >|grad -4  |--+                                          |
        |               |val 5    |  |             +---------+  |                                          |
        |               |grad -4  |--+                          |               + # f (*) +                |
        |               +---------+                             +-------------->|val -12  |                |
        |                                                       +-------------->|grad 1   |                |
        |               + # z ----+                             |               +---------+                |
        |               |val -4   |                             |                                          |
        |               |grad 3   |-----------------------------+                                          |
        |               +---------+                                                                        |
        +--------------------------------------------------------------------------------------------------+
        + Step ------------------------------------------------++ What happens ----------------------------+
        | Backward through q = x + y                           || Chain rule at q: the gradient arriving   |
        | df/dq = -4 (via f)                                   || from the right (upstream) is multiplied  |
        | df/dx = df/dq * dq/dx = (-4) * 1 = -4                || by each local derivative dq/d(input) and |
        | df/dy = df/dq * dq/dy = (-4) * 1 = -4                || added into that input's gradient.        |
        | Rule: add hands the upstream gradient on unchanged   ||                                          |
        | to every input                                       ||                                          |
        | Next: backward: z's gradient is complete             ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        +------------------------------------------------------++------------------------------------------+
        Right next  Left back  n end of phase  r restart  Tab select  ? help  q quit
        """

    static let asciiEnd100x30 = """
         backprop - chain-rule.graph                                                         end - step 8/8
        + Graph - > this step  # done  . to do - val = value, grad = df/dnode -----------------------------+
        |               + > x ----+                                                                        |
        |               |val -2   |                                                                        |
        |               |grad -4  |--+                                                                     |
        |               +---------+  |             + # q (+) +                                             |
        |                            +------------>|val 3    |                                             |
        |               + # y ----+  +------------>|grad -4  |--+                                          |
        |               |val 5    |  |             +---------+  |                                          |
        |               |grad -4  |--+                          |               + # f (*) +                |
        |               +---------+                             +-------------->|val -12  |                |
        |                                                       +-------------->|grad 1   |                |
        |               + # z ----+                             |               +---------+                |
        |               |val -4   |                             |                                          |
        |               |grad 3   |-----------------------------+                                          |
        |               +---------+                                                                        |
        +--------------------------------------------------------------------------------------------------+
        + Step ------------------------------------------------++ What happens ----------------------------+
        | Backward: x is an input                              || Done. Each gradient df/d(leaf) says how  |
        | df/dx = -4 (via q)                                   || much f changes when that leaf is nudged. |
        | Done: forward and backward pass                      ||                                          |
        | This is the end. <- steps back, r restarts, q quits. ||                                          |
        | f = -12                                              ||                                          |
        | df/dx = -4                                           ||                                          |
        | df/dy = -4                                           ||                                          |
        | df/dz = 3                                            ||                                          |
        |                                                      ||                                          |
        |                                                      ||                                          |
        +------------------------------------------------------++------------------------------------------+
        Left back  r restart  Tab select  ? help  q quit
        """

    static let asciiStart80x24 = """
         backprop - chain-rule.graph                                   start - step 0/8
        + Graph - > this step  # done  . to do - value, then g= is df/dnode -----------+
        |       # x -2 g=? ------------+                                               |
        |                              + . q ? g=? ----------------+                   |
        |       # y 5 g=? -------------+                           + . f ? g=?         |
        |                                            +-------------+                   |
        |       # z -4 g=? --------------------------+                                 |
        +------------------------------------------------------------------------------+
        + Step ------------------------------------++ What happens --------------------+
        | Start: nothing computed yet              || This graph computes f from its   |
        | Leaves: x = -2, y = 5, z = -4            || leaves. Press -> (or space) to   |
        | The forward pass computes every node     || take one step at a time: first   |
        | from its inputs, left to right; the      || the forward pass computes each   |
        | backward pass then sends df/d(node) from || node's value, then the backward  |
        | the output back to the leaves.           || pass finds how much f changes    |
        | Next: forward: compute q = x + y         || with each node                   |
        |                                          || (its gradient, g).               |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        +------------------------------------------++----------------------------------+
        Right next  Left back  n end of phase  r restart  Tab select  ? help  q quit
        """

    static let asciiMidForward80x24 = """
         backprop - chain-rule.graph                            forward pass - step 1/8
        + Graph - > this step  # done  . to do - value, then g= is df/dnode -----------+
        |       # x -2 g=? ------------+                                               |
        |                              + > q 3 g=? ----------------+                   |
        |       # y 5 g=? -------------+                           + . f ? g=?         |
        |                                            +-------------+                   |
        |       # z -4 g=? --------------------------+                                 |
        +------------------------------------------------------------------------------+
        + Step ------------------------------------++ What happens --------------------+
        | Forward: compute q                       || Forward pass, left to right: a   |
        | q = x + y = -2 + 5 = 3                   || node is computed as soon as all  |
        | Next: forward: compute f = q * z         || its inputs are known. Here q = x |
        |                                          || + y.                             |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        +------------------------------------------++----------------------------------+
        Right next  Left back  n end of phase  r restart  Tab select  ? help  q quit
        """

    static let asciiMidBackward80x24 = """
         backprop - chain-rule.graph                           backward pass - step 5/8
        + Graph - > this step  # done  . to do - value, then g= is df/dnode -----------+
        |       # x -2 g=-4 -- -4*1=-4 +                                               |
        |                              + > q 3 g=-4 ---------------+                   |
        |       # y 5 g=-4 --- -4*1=-4 +                           + # f -12 g=1       |
        |                                            +-------------+                   |
        |       # z -4 g=3 --------------------------+                                 |
        +------------------------------------------------------------------------------+
        + Step ------------------------------------++ What happens --------------------+
        | Backward through q = x + y               || Chain rule at q: the gradient    |
        | df/dq = -4 (via f)                       || arriving from the right          |
        | df/dx = df/dq * dq/dx = (-4) * 1 = -4    || (upstream) is multiplied by each |
        | df/dy = df/dq * dq/dy = (-4) * 1 = -4    || local derivative dq/d(input) and |
        | Rule: add hands the upstream gradient on || added into that input's          |
        | unchanged to every input                 || gradient.                        |
        | Next: backward: z's gradient is complete ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        +------------------------------------------++----------------------------------+
        Right next  Left back  n end of phase  r restart  Tab select  ? help  q quit
        """

    static let asciiEnd80x24 = """
         backprop - chain-rule.graph                                     end - step 8/8
        + Graph - > this step  # done  . to do - value, then g= is df/dnode -----------+
        |       > x -2 g=-4 -----------+                                               |
        |                              + # q 3 g=-4 ---------------+                   |
        |       # y 5 g=-4 ------------+                           + # f -12 g=1       |
        |                                            +-------------+                   |
        |       # z -4 g=3 --------------------------+                                 |
        +------------------------------------------------------------------------------+
        + Step ------------------------------------++ What happens --------------------+
        | Backward: x is an input                  || Done. Each gradient df/d(leaf)   |
        | df/dx = -4 (via q)                       || says how much f changes when     |
        | Done: forward and backward pass          || that leaf is nudged.             |
        | This is the end. <- steps back, r        ||                                  |
        | restarts, q quits.                       ||                                  |
        | f = -12                                  ||                                  |
        | df/dx = -4                               ||                                  |
        | df/dy = -4                               ||                                  |
        | df/dz = 3                                ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        |                                          ||                                  |
        +------------------------------------------++----------------------------------+
        Left back  r restart  Tab select  ? help  q quit
        """

}
