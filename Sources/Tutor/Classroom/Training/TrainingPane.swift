import Autograd
import Lessons
import Screen

/// The training views of a part with data: the decision-region map (the input plane
/// shaded by the network's output at the current parameters, with the data points on
/// top, in the spirit of TensorFlow Playground) above the loss curve over the epochs
/// finished so far. Either is left out when the part has nothing to show in it.
public struct TrainingPane: Widget {
    public var track: TrainingTrack
    /// The graph at the cursor: its params are the ones the map shows.
    public var graph: Graph
    public var completedEpochs: Int
    public var theme: Theme
    /// Whether the loss may be shown: once the first pass has computed the output (the
    /// chart must not give away the loss a quiz is about to ask for).
    public var lossShown: Bool
    /// Whether the next epoch has begun updating the weights the map is drawn with (one row
    /// at a time, or its batch updates before the epoch's close): its title then says so,
    /// not the last finished epoch's number.
    public var updatedInNextEpoch: Bool

    public init(track: TrainingTrack, graph: Graph, completedEpochs: Int, theme: Theme, lossShown: Bool = true,
                updatedInNextEpoch: Bool = false) {
        self.track = track
        self.graph = graph
        self.completedEpochs = completedEpochs
        self.theme = theme
        self.lossShown = lossShown
        self.updatedInNextEpoch = updatedInNextEpoch
    }

    /// The pane for the stepper's cursor.
    public init(track: TrainingTrack, stepper: Stepper, theme: Theme) {
        let completed = TrainingTrack.completedEpochs(stepper)
        let plan = stepper.plan
        let firstUpdate = plan.params.first.flatMap { plan.index(of: .update($0), epoch: completed + 1, row: 0) }
        self.init(track: track, graph: stepper.graph, completedEpochs: completed, theme: theme,
                  lossShown: completed > 0 || stepper.position >= plan.stepsPerPass
                      || stepper.progress(of: plan.tape.output).computed,
                  updatedInNextEpoch: firstUpdate.map { stepper.position > $0 } ?? false)
    }

    /// Rows the loss chart takes, border included.
    static let chartHeight = 9

    /// Whether the part has a decision map to draw: a plane of two inputs, and predictions.
    static func hasMap(_ track: TrainingTrack) -> Bool { track.plane != nil && !track.predictions.isEmpty }

    /// The rows the pane wants at least: more for a map above a chart than for one alone.
    static func rowsWanted(_ track: TrainingTrack) -> Int {
        hasMap(track) && track.trains ? Panes.sideRowsForBoth : Panes.sideRowsForOne
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        switch (Self.hasMap(track), track.trains) {
        case (true, true):
            let parts = area.split(.vertical, [.fill(1), .length(Swift.min(Self.chartHeight, area.height / 2))])
            renderMap(in: parts[0], buffer: &buffer)
            renderLoss(in: parts[1], buffer: &buffer)
        case (true, false): renderMap(in: area, buffer: &buffer)
        case (false, true): renderLoss(in: area, buffer: &buffer)
        case (false, false): break
        }
    }

    // MARK: The decision map

    /// The extent of the plane: the data's range with a margin, so points sit inside.
    public var ranges: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        func range(_ column: Int) -> ClosedRange<Double> {
            let values = track.rows.map { $0[column] }
            let low = values.min() ?? 0, high = values.max() ?? 1
            let margin = Swift.max((high - low) * 0.25, 0.5)
            return (low - margin)...(high + margin)
        }
        return (range(0), range(1))
    }

    /// The shade of one point of the plane: the prediction (0…1), or for one score per
    /// class the winning class as a fraction of the classes.
    func prediction(x: Double, y: Double, scratch: inout Graph) -> Double {
        guard let plane = track.plane else { return .nan }
        scratch.setValue(x, of: plane.x)
        scratch.setValue(y, of: plane.y)
        scratch.forward()
        if track.predictions.count == 1 { return scratch.values[track.predictions[0].index] }
        let scores = track.predictions.map { scratch.values[$0.index] }
        return Double(Op.max.winningPosition(of: scores)) / Double(Swift.max(1, scores.count - 1))
    }

    /// The map's values for a `columns`×`rows` grid, row 0 at the top.
    public func mapValues(columns: Int, rows: Int) -> [Double] {
        var scratch = graph
        let (xRange, yRange) = ranges
        return HeatMap.sample(columns: columns, rows: rows, xRange: xRange, yRange: yRange) { x, y in
            prediction(x: x, y: y, scratch: &scratch)
        }
    }

    /// The digit that marks each class: the number its score's name ends in, as the lesson
    /// counts its classes (u1, u2, u3: 1, 2, 3); else its position from 0 (s_off, s_on: 0, 1).
    var classDigits: [Int] {
        let numbers = track.predictions.map { id -> Int? in
            let name = graph.label(of: id)
            guard let last = name.last?.wholeNumberValue, name.dropLast().last?.isNumber == false else { return nil }
            return last
        }
        let digits = numbers.compactMap { $0 }
        guard digits.count == numbers.count, Set(digits).count == digits.count else { return Array(numbers.indices) }
        return digits
    }

    /// Each class's shade on the map and its digit, lightest first: "blank 1, ▒ 2, █ 3"
    /// (`prediction` places the winning class's position evenly from 0 to 1); `named`,
    /// with the class's name where its digit does not say it: "blank 0 (off), █ 1 (on)".
    func classShades(named: Bool = false) -> String {
        let count = track.predictions.count, digits = classDigits, names = classNames
        return (0..<count).map { position in
            let shade = HeatMap.shade(of: Double(position) / Double(Swift.max(1, count - 1)), in: 0...1, shades: theme.glyphs.shades)
            let digit = digits.indices.contains(position) ? digits[position] : position
            let name = named && names.indices.contains(position) ? names[position].map { " (\($0))" } ?? "" : ""
            return "\(shade == " " ? "blank" : String(shade)) \(digit)\(name)"
        }.joined(separator: ", ")
    }

    /// Each class's name as its score's name gives it past the words all share, up to an
    /// "_" ("s_off", "s_on": off, on); none where the digit is the name's own (u1, u2, u3).
    var classNames: [String?] {
        let labels = track.predictions.map { graph.label(of: $0) }
        guard let first = labels.first, labels.allSatisfy({ $0.last?.isNumber != true }) else { return labels.map { _ in nil } }
        let shared = labels.dropFirst().reduce(first) { prefix, label in String(zip(prefix, label).prefix { $0 == $1 }.map(\.0)) }
        let cut = shared.lastIndex(of: "_").map { shared.distance(from: shared.startIndex, to: $0) + 1 } ?? 0
        return labels.map { label in label.count > cut ? String(label.dropFirst(cut)) : nil }
    }

    /// The data points, each marked with its target (the class's number for one-hot
    /// targets), or with the network's own answer when the data has no targets.
    func points() -> [MarkedPoint] {
        var scratch = graph
        let digits = classDigits
        return track.rows.map { row in
            let targets = Array(row.dropFirst(track.featureCount))
            let mark: Int
            switch targets.count {
            case 0: mark = Int(prediction(x: row[0], y: row[1], scratch: &scratch).rounded())
            case 1: mark = targets[0] >= 0.5 ? 1 : 0
            default:
                let position = Op.max.winningPosition(of: targets)
                mark = digits.indices.contains(position) ? digits[position] : position
            }
            return MarkedPoint(x: row[0], y: row[1], glyph: Character(String(Swift.max(0, Swift.min(9, mark)))), style: theme(.marker))
        }
    }

    func renderMap(in area: Rect, buffer: inout Buffer) {
        guard let names = track.planeNames else { return }
        let arrows = theme.glyphs.isUnicode ? ("→", "↑") : (">", "^")
        let notation = Notation(unicode: theme.glyphs.isUnicode)
        let epoch = !track.trains ? ""
            : "\(notation.separator)" + (updatedInNextEpoch ? "in epoch \(completedEpochs + 1)" : "epoch \(completedEpochs)")
        let shaded = track.predictions.count == 1 ? graph.label(of: track.predictions[0]) : "class"
        // The longest title that fits whole: a cut "epoch 200…" would read as epoch 200.
        let plane = "\(shaded) over \(names.x)\(arrows.0) \(names.y)\(arrows.1)"
        let titles = [plane + epoch, plane, shaded]
        let block = Block(title: titles.first { DisplayWidth.of($0) <= area.width - 4 } ?? shaded, theme: theme)
        buffer.render(block, in: area)
        let inner = block.inner(area)
        guard !inner.isEmpty else { return }
        let (xRange, yRange) = ranges
        // Axis ticks: the plane's ends, y at the left (top and bottom), x on the row below.
        let yTicks = [yRange.upperBound, yRange.lowerBound].map { notation.number($0) }
        let tickWidth = yTicks.map(DisplayWidth.of).max() ?? 0
        let plot = inner.inset(left: tickWidth + 1, bottom: 1)
        guard !plot.isEmpty, plot.height >= 2 else {
            renderField(in: inner, xRange: xRange, yRange: yRange, buffer: &buffer)
            return
        }
        renderField(in: plot, xRange: xRange, yRange: yRange, buffer: &buffer)
        let muted = theme(.muted)
        for (text, y) in zip(yTicks, [plot.y, plot.maxY - 1]) {
            buffer.write(text, at: Point(x: plot.x - 1 - DisplayWidth.of(text), y: y), style: muted, clip: inner)
        }
        let low = notation.number(xRange.lowerBound), high = notation.number(xRange.upperBound)
        buffer.write(low, at: Point(x: plot.x, y: plot.maxY), style: muted, clip: inner)
        buffer.write(high, at: Point(x: plot.maxX - DisplayWidth.of(high), y: plot.maxY), style: muted, clip: inner)
        let axis = names.x + arrows.0
        buffer.write(axis, at: Point(x: plot.x + (plot.width - DisplayWidth.of(axis)) / 2, y: plot.maxY), style: muted, clip: inner)
        // The legend, in the bottom border: what the shades and the digits mean.
        let shades = theme.glyphs.shades
        let dark = shades.last.map(String.init) ?? "#"
        // The digits are the targets, or without targets the network's own answers.
        let hasTargets = track.rows.first.map { $0.count > track.featureCount } ?? false
        let digits = hasTargets ? "targets" : shaded
        let and = notation.separator
        // In colour, for one output, the colour marks f ≥ 0.5 (`HeatMap.threshold`).
        let swatch = theme.usesColor && track.predictions.count == 1
        let legends: [String] = if track.predictions.count != 1 {
            // Which shade each class wins with ("blank 1, ▒ 2, █ 3"), where it fits.
            [" class: \(classShades(named: true))\(and)digits: \(digits) ", " class: \(classShades(named: true)) ",
             " class: \(classShades())\(and)digits: \(digits) ", " class: \(classShades()) ",
             " shade: the winning class\(and)digits: \(digits) ", " shade: class\(and)digits: \(digits) ", " shade: class "]
        } else if swatch {
            // A swatch of that colour first; the shade still grades f.
            [" \(dark) \(shaded) ≥ 0.5, darker as \(shaded) → 1\(and)digits: \(digits) ",
             " \(dark) \(shaded) ≥ 0.5\(and)digits: \(digits) ", " \(dark) \(shaded)≥0.5\(and)digits: \(digits) ",
             " \(dark) \(shaded) ≥ 0.5 "]
        } else if graph.op(of: track.predictions[0]) == .step {
            // A unit step is 0 or 1: blank or the darkest, nothing between (said as the
            // classes are: "f = 0" would read as the answer to a quiz's question).
            [" \(shaded): blank 0, \(dark) 1\(and)digits: \(digits) ", " \(shaded): \(dark) 1\(and)digits: \(digits) ",
             " \(shaded): blank 0, \(dark) 1 ", " \(shaded): \(dark) 1 "]
        } else {
            // The shades grade f (a sigmoid's 0.6 is ▒, not █): the scale from 0 to 1 where
            // it fits (a reviewer could not tell what a field of ▒ meant), else its top.
            [" \(dark) \(shaded) ≈ 1, lighter as \(shaded) falls\(and)digits: \(digits) ",
             " \(shaded): 0 \(String(shades.dropFirst())) 1\(and)digits: \(digits) ",
             " \(shaded): 0\(String(shades.dropFirst()))1\(and)digits: \(digits) ",
             " \(dark) \(shaded) ≈ 1\(and)digits: \(digits) ", " \(dark) \(shaded) ≈ 1 "]
        }
        // After the corner and a rule (`└─ f: …`), or where only that is wanting, straight
        // after the corner (`└ f: 0 ░▒▓█ 1 · digits: targets ┘`, not `0░▒▓█1`).
        if let shown = legends.map(notation.text).first(where: { DisplayWidth.of($0) <= area.width - 2 }) {
            let at = Point(x: area.x + (DisplayWidth.of(shown) <= area.width - 4 ? 2 : 1), y: area.maxY - 1)
            buffer.write(shown, at: at, style: theme(.key))
            if swatch {
                // The swatch in the colour of the cells at or above the threshold.
                buffer.write(dark, at: Point(x: at.x + 1, y: at.y), style: theme(.value), clip: area)
            }
        }
    }

    /// The shaded plane with the data points on it.
    private func renderField(in area: Rect, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, buffer: inout Buffer) {
        let map = HeatMap(
            values: mapValues(columns: area.width, rows: area.height), columns: area.width, rows: area.height,
            xRange: xRange, yRange: yRange, lowStyle: theme(.edge), highStyle: theme(.value), points: points(),
            glyphs: theme.glyphs)
        buffer.render(map, in: area)
    }

    // MARK: The loss curve

    func renderLoss(in area: Rect, buffer: inout Buffer) {
        guard lossShown else {
            // (Short enough for the side pane's narrowest, `Panes.sideMinimum`.)
            buffer.render(Block(title: "loss: after the first pass", theme: theme), in: area)
            return
        }
        let shown = track.losses(through: completedEpochs)
        // Beside a run that never zeroes its gradients, the same run done right (muted).
        let zeroed = track.zeroedLosses(through: completedEpochs)
        let notation = Notation(unicode: theme.glyphs.isUnicode)
        let last = shown.last.map { notation.number($0) } ?? "?"
        let right = zeroed.last.map { ", zeroed \(notation.number($0))" } ?? ""
        // The longest title that fits whole: a cut "epoch 2000/20…" would read as 20.
        let titles = completedEpochs == 0
            ? ["loss \(last) before training", "loss \(last)"]
            : ["loss \(last)\(right)\(notation.separator)epoch \(completedEpochs)/\(track.epochs)",
               "loss \(last)\(right)\(notation.separator)\(completedEpochs)/\(track.epochs)",
               "loss \(last)\(right)", "loss \(last)"]
        let room = area.width - 4
        let block = Block(title: titles.first { DisplayWidth.of($0) <= room } ?? titles[titles.count - 1], theme: theme)
        buffer.render(block, in: area)
        let finite = (track.losses + track.zeroedLosses).filter(\.isFinite)
        let top = finite.max() ?? 1
        // The zeroed run dotted and dim: apart from the solid curve with or without colour.
        let series = (zeroed.isEmpty ? [] : [ChartSeries(zeroed, style: theme(.muted), dotted: true)])
            + [ChartSeries(shown, style: theme(.gradient))]
        let chart = LineChart(
            series: series, yRange: 0...(top > 0 ? top : 1), xTitle: zeroed.isEmpty ? "epoch" : "epoch (dotted: zeroed)",
            // The lesson speaks of the dotted run: its key goes last.
            shorterXTitles: zeroed.isEmpty ? [] : ["dotted: zeroed"],
            axisStyle: theme(.border), labelStyle: theme(.muted), glyphs: theme.glyphs, yLabel: { notation.number($0) })
        buffer.render(chart, in: block.inner(area))
    }
}
